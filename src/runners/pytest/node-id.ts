import { fromPackage } from '../shared/js.js';
import type { TestRef } from '../types.js';

/**
 * pytest's node id (`tests/test_x.py::TestClass::test_name[param]`) from a result: the file relative
 * to the package, then the classes that JUnit's dotted classname holds after the module path.
 */
export function nodeId(t: TestRef, pkgDir: string): string {
  const file = t.file ? fromPackage(t.file, pkgDir) : undefined;
  const name = t.name ?? '';
  if (!file) return name;
  // The ingest stage's pytest ids are node ids already: "<repo-relative file>::<Class>::<test>".
  // (relative to the repository, or to the package pytest ran in).
  if (t.file && t.test_id.startsWith(`${t.file}::`)) return `${file}${t.test_id.slice(t.file.length)}`;
  if (t.test_id.startsWith(`${file}::`)) return t.test_id;
  const module = file.replace(/\.py$/, '').replace(/\//g, '.');
  let classes: string[] = [];
  const suite = t.suite ?? '';
  if (suite.includes('::')) classes = suite.split('::').slice(1);
  else if (suite.includes(' > ')) classes = suite.split(' > ').filter((s) => !s.endsWith('.py'));
  else {
    // The classname may carry the package prefix pytest saw (rootdir-relative) or not.
    const parts = suite.split('.');
    const modParts = module.split('.');
    for (let i = 0; i < parts.length; i++) {
      const rest = parts.slice(i);
      if (rest.length >= modParts.length && modParts.every((m, k) => rest[k] === m)) {
        classes = rest.slice(modParts.length);
        break;
      }
    }
  }
  return [file, ...classes.filter((c) => /^[A-Za-z_]\w*$/.test(c)), name].join('::');
}
