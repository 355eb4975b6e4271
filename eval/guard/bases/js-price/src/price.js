function cents(text) {
  const m = /^\$(\d+)\.(\d{2})$/.exec(text);
  if (!m) throw new Error(`not a price: ${text}`);
  return Number(m[1]) * 100 + Number(m[2]);
}

function format(c) {
  const dollars = Math.floor(c / 100);
  const rest = String(c % 100).padStart(2, '0');
  return `$${dollars}.${rest}`;
}

function discount(c, rate) {
  if (rate < 0 || rate > 1) throw new RangeError('rate');
  return Math.round(c * (1 - rate));
}

module.exports = { cents, format, discount };
