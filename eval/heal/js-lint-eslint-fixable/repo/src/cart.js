export function cartTotal(items) {
  let total = 0;
  for (var i = 0; i < items.length; i++) {
    total += items[i].price * items[i].qty;
  }
  let rounded = Math.round(total * 100) / 100;
  return rounded;
}
