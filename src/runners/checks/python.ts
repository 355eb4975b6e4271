import type { PlannedCheck } from '../../events/index.js';
import { dig, type PackageInfo } from '../detect/package-info.js';
import { DEFAULT_IGNORE_DIRS } from '../detect/ignore.js';
import type { CheckDetector } from '../types.js';
import { makeCheck } from './spec.js';

const PY_MARKERS = ['pyproject.toml', 'setup.py', 'setup.cfg', 'pytest.ini', 'tox.ini', 'conftest.py', 'requirements.txt'];

/** An INI-style file has this [section]. */
function iniHas(pkg: PackageInfo, file: string, section: string): boolean {
  const text = pkg.read(file);
  return text !== undefined && new RegExp(`^\\[${section.replace(/[.:]/g, '\\$&')}\\]`, 'm').test(text);
}

export function isPythonPackage(pkg: PackageInfo): boolean {
  return PY_MARKERS.some((m) => pkg.has(m));
}

/** compileall always (syntax errors), ruff/flake8/mypy where the project configures them. */
export const pythonChecks: CheckDetector = {
  id: 'python',
  detect(pkg) {
    if (!isPythonPackage(pkg)) return [];
    const py = pkg.pyproject;
    const checks: PlannedCheck[] = [];
    // Bytecode goes to a cache dir of suture's (PYTHONPYCACHEPREFIX set at run time), never beside the sources.
    const skip = `(^|/)(${DEFAULT_IGNORE_DIRS.map((d) => d.replace(/\./g, '\\.')).join('|')})(/|$)`;
    checks.push(
      makeCheck('compileall', 'build', 'Python project: every .py file must compile', {
        argv: ['python', '-m', 'compileall', '-q', '-x', skip, '.'],
        reproArgs: ['-m', 'compileall', '-q', '.'],
        resolve: 'python',
        tool: 'python3',
        extract: 'python',
      }, 'python3 -m compileall -q .'),
    );
    const ruff = dig(py, 'tool', 'ruff') !== undefined ? 'pyproject.toml [tool.ruff]' : pkg.first(['ruff.toml', '.ruff.toml']);
    if (ruff) {
      checks.push(
        makeCheck('ruff', 'lint', `${ruff} present`, {
          argv: ['ruff', 'check', '--output-format=concise', '.'],
          resolve: 'python-bin',
          tool: 'ruff',
          installHint: 'pip install ruff',
          extract: 'ruff',
        }),
      );
    }
    const flake8 = pkg.has('.flake8') ? '.flake8' : iniHas(pkg, 'setup.cfg', 'flake8') ? 'setup.cfg [flake8]' : iniHas(pkg, 'tox.ini', 'flake8') ? 'tox.ini [flake8]' : undefined;
    if (flake8) {
      checks.push(makeCheck('flake8', 'lint', `${flake8} present`, { argv: ['flake8'], resolve: 'python-bin', tool: 'flake8', installHint: 'pip install flake8', extract: 'flake8' }));
    }
    const mypyTool = dig(py, 'tool', 'mypy') as Record<string, unknown> | undefined;
    const mypy = mypyTool !== undefined ? 'pyproject.toml [tool.mypy]' : pkg.first(['mypy.ini', '.mypy.ini']) ?? (iniHas(pkg, 'setup.cfg', 'mypy') ? 'setup.cfg [mypy]' : undefined);
    if (mypy) {
      const hasFiles = mypyTool?.files !== undefined || /^files\s*=/m.test(pkg.read('mypy.ini') ?? pkg.read('.mypy.ini') ?? '');
      checks.push(
        makeCheck('mypy', 'typecheck', `${mypy} present`, {
          argv: ['mypy', ...(hasFiles ? [] : ['.'])],
          resolve: 'python-bin',
          tool: 'mypy',
          installHint: 'pip install mypy',
          extract: 'mypy',
        }),
      );
    }
    return checks;
  },
};
