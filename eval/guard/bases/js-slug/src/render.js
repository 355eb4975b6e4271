'use strict';

const { slugify } = require('./slug');

function renderLinks(titles, base = '/posts') {
  return titles.map((t) => `<a href="${base}/${slugify(t)}">${escapeHtml(t)}</a>`).join('\n');
}

function escapeHtml(s) {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

module.exports = { renderLinks, escapeHtml };
