const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { loadConfig, ConfigError } = require('../src/config');

describe('loadConfig', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slug-'));

  it('returns defaults when the file is missing', () => {
    expect(loadConfig(path.join(dir, 'none.json'))).toEqual({ separator: '-', maxLength: 80 });
  });

  it('merges the file over the defaults', () => {
    const f = path.join(dir, 'a.json');
    fs.writeFileSync(f, '{"maxLength": 20}');
    expect(loadConfig(f)).toEqual({ separator: '-', maxLength: 20 });
  });

  it('reports invalid JSON', () => {
    const f = path.join(dir, 'bad.json');
    fs.writeFileSync(f, '{');
    expect(() => loadConfig(f)).toThrow(ConfigError);
  });
});
