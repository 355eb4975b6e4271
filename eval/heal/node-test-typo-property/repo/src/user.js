// @ts-check
export function makeUser(name, email) {
  return { name, email };
}

export function displayName(name, email) {
  const user = makeUser(name, email);
  return `${user.nmae} <${user.email}>`;
}
