'use strict';

const ACCENTS = /[\u0300-\u036f]/g;

function slugify(text, { separator = '-', maxLength = 80 } = {}) {
  if (typeof text !== 'string') {
    throw new TypeError('slugify expects a string');
  }
  const slug = text
    .normalize('NFD')
    .replace(ACCENTS, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^${separator}+|${separator}+$`, 'g'), '');
  return truncate(slug, maxLength, separator);
}

function truncate(slug, maxLength, separator) {
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const last = cut.lastIndexOf(separator);
  return last > 0 ? cut.slice(0, last) : cut;
}

function unique(slug, taken) {
  if (!taken.has(slug)) return slug;
  let n = 2;
  while (taken.has(`${slug}-${n}`)) n++;
  return `${slug}-${n}`;
}

module.exports = { slugify, truncate, unique };
