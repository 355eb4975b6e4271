'use strict';

const fs = require('node:fs');

const DEFAULTS = { separator: '-', maxLength: 80 };

class ConfigError extends Error {}

function loadConfig(file) {
  let raw;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (err.code === 'ENOENT') return { ...DEFAULTS };
    throw new ConfigError(`cannot read ${file}: ${err.message}`);
  }
  try {
    return { ...DEFAULTS, ...JSON.parse(raw) };
  } catch (err) {
    throw new ConfigError(`${file} is not valid JSON: ${err.message}`);
  }
}

module.exports = { loadConfig, ConfigError, DEFAULTS };
