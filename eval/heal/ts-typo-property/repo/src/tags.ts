export function tagCount(text: string): number {
  const words = text.split(/\s+/).filter((w) => w.startsWith('#'));
  return words.lenght;
}
