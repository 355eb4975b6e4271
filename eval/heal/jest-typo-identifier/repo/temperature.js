const offset = 32;

function toFahrenheit(celsius) {
  return (celsius * 9) / 5 + offest;
}

module.exports = { toFahrenheit };
