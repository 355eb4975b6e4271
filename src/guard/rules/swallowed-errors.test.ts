import { describe, expect, it } from 'vitest';
import { ruleFindings } from '../harness.js';

const ts = `export async function load(path: string): Promise<Config> {
  try {
    return parse(await read(path));
  } catch (err) {
    throw new ConfigError(path, err);
  }
}
`;
const py = `def load(path):
    try:
        return parse(read(path))
    except ValueError as err:
        raise ConfigError(path) from err
`;
const go = `package cfg

func Load(path string) (*Config, error) {
	data, err := read(path)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	return parse(data)
}
`;

describe('swallowed-errors', () => {
  it('blocks an emptied catch block (the body was removed, the catch line is context)', async () => {
    const f = await ruleFindings('swallowed-errors', { 'src/load.ts': ts }, { 'src/load.ts': ts.replace('    throw new ConfigError(path, err);\n', '') });
    expect(f).toEqual([expect.objectContaining({ severity: 'block', file: 'src/load.ts', line: 4, message: 'swallowed error: empty catch block' })]);
  });

  it('blocks a catch that returns a default value and an empty .catch()', async () => {
    const head = ts.replace('throw new ConfigError(path, err);', 'return {} as Config;').replace('return parse(await read(path));', 'return parse(await read(path).catch(() => {}));');
    const f = await ruleFindings('swallowed-errors', { 'src/load.ts': ts }, { 'src/load.ts': head });
    expect(f.map((x) => x.message).sort()).toEqual(['swallowed error: catch block that only returns a default', 'swallowed error: promise rejection handler that discards the error']);
    const head2 = ts.replace('throw new ConfigError(path, err);', 'return null;');
    expect((await ruleFindings('swallowed-errors', { 'src/load.ts': ts }, { 'src/load.ts': head2 }))[0]!.message).toBe('swallowed error: catch block that only returns a default');
  });

  it('blocks a broad except with pass, but not a narrow one', async () => {
    const broad = await ruleFindings('swallowed-errors', { 'app/load.py': py }, { 'app/load.py': py.replace('except ValueError as err:\n        raise ConfigError(path) from err', 'except Exception:\n        pass') });
    expect(broad).toEqual([expect.objectContaining({ line: 4, message: 'swallowed error: broad `except Exception` that discards the error' })]);
    const bare = await ruleFindings('swallowed-errors', { 'app/load.py': py }, { 'app/load.py': py.replace('except ValueError as err:\n        raise ConfigError(path) from err', 'except:\n        return None') });
    expect(bare[0]!.message).toBe('swallowed error: bare `except` that discards the error');
    const narrow = await ruleFindings('swallowed-errors', { 'app/load.py': py }, { 'app/load.py': py.replace('except ValueError as err:\n        raise ConfigError(path) from err', 'except FileNotFoundError:\n        pass') });
    expect(narrow).toEqual([]);
  });

  it('blocks Go errors turned into success', async () => {
    const f = await ruleFindings('swallowed-errors', { 'cfg/load.go': go }, { 'cfg/load.go': go.replace('return nil, fmt.Errorf("load %s: %w", path, err)', 'return &Config{}, nil') });
    expect(f).toEqual([expect.objectContaining({ line: 5, message: 'swallowed error: `if err != nil` that returns a nil error' })]);
    const blank = await ruleFindings('swallowed-errors', { 'cfg/load.go': go }, { 'cfg/load.go': go.replace('\tif err != nil {\n\t\treturn nil, fmt.Errorf("load %s: %w", path, err)\n\t}\n', '\t_ = err\n') });
    expect(blank[0]!.message).toBe('swallowed error: error discarded with `_ = err`');
  });

  it('does not flag an existing handler that was only moved or re-indented', async () => {
    const base = `${ts}\nexport function quiet() {\n  try { a(); } catch { }\n}\n`;
    const head = `export function quiet() {\n    try { a(); } catch { }\n}\n\n${ts}`;
    expect(await ruleFindings('swallowed-errors', { 'src/x.ts': base }, { 'src/x.ts': head })).toEqual([]);
  });

  it('passes a fix that handles the error properly', async () => {
    const head = ts.replace('throw new ConfigError(path, err);', 'logger.warn(err);\n    throw new ConfigError(path, err);');
    expect(await ruleFindings('swallowed-errors', { 'src/load.ts': ts }, { 'src/load.ts': head })).toEqual([]);
  });

  it('does not count a try/catch that answers a yes/no question', async () => {
    const ts2 = "export const ok = (s: string): boolean => {\n  try {\n    new RegExp(s);\n    return true;\n  } catch {\n    return false;\n  }\n};\n";
    expect(await ruleFindings('swallowed-errors', {}, { 'src/re.ts': ts2 })).toEqual([]);
    const py2 = 'def is_int(s):\n    try:\n        int(s)\n        return True\n    except Exception:\n        return False\n';
    expect(await ruleFindings('swallowed-errors', {}, { 'app/util.py': py2 })).toEqual([]);
    const still = await ruleFindings('swallowed-errors', {}, { 'src/re.ts': ts2.replace('    return true;\n', '') });
    expect(still).toHaveLength(1);
  });
});
