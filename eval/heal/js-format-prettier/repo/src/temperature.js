export function toFahrenheit(celsius){return celsius*9/5+32}
export const toCelsius=(f)=>((f-32)*5)/9;
