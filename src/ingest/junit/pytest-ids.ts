/**
 * pytest's xunit2 reports (the default) give no file: the module is the dotted classname up to the
 * first class (`tests.test_math.TestClass` -> `tests/test_math.py` + `TestClass`). xunit1 reports add
 * `file`, which settles the split. The node id `file::Class::name` is what `pytest` re-runs.
 */
export interface PytestPlace {
  file: string;
  classes: string[];
  /** The case stands for the whole module (a collection error): its node id is the file. */
  module?: boolean;
}

export function pytestPlace(classname: string | undefined, name: string, fileAttr: string | undefined): PytestPlace | undefined {
  if (fileAttr) {
    const file = fileAttr.replace(/\\/g, '/');
    const dotted = file.replace(/\.py$/, '').replace(/\//g, '.');
    // `file` is where the function is defined; an inherited test lives in another module than the
    // class that runs it, and the node id follows the classname then.
    if (!classname || classname === dotted) return { file, classes: [] };
    if (classname.startsWith(dotted + '.')) return { file, classes: classname.slice(dotted.length + 1).split('.') };
  }
  // A collection error names the module in `name` and leaves classname empty.
  const module = !classname && /^[\w.]+$/.test(name) && name.includes('.');
  const dottedPath = classname || (module ? name : undefined);
  if (!dottedPath) return undefined;
  const parts = dottedPath.split('.');
  let i = parts.findIndex((p) => /^[A-Z]/.test(p));
  if (i === -1) i = parts.length;
  if (i === 0) return undefined;
  return module ? { file: parts.slice(0, i).join('/') + '.py', classes: [], module: true } : { file: parts.slice(0, i).join('/') + '.py', classes: parts.slice(i) };
}

export function pytestNodeId(place: PytestPlace, name: string): string {
  if (place.module) return place.file;
  return [place.file, ...place.classes, name].join('::');
}
