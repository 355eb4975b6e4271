export async function fetchWithRetry(latencyMs, timeoutMs) {
  const winner = await Promise.race([
    new Promise((r) => setTimeout(() => r('ok'), latencyMs)),
    new Promise((r) => setTimeout(() => r('timeout'), timeoutMs)),
  ]);
  return winner;
}
