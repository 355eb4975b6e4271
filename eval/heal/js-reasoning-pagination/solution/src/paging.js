export function pageCount(total, perPage) {
  if (perPage <= 0) throw new RangeError('perPage must be positive');
  return Math.ceil(total / perPage);
}

export function pageSlice(items, page, perPage) {
  return items.slice((page - 1) * perPage, page * perPage);
}
