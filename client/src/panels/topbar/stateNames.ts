// Naming a new future state: "Future state", then "Future state 2", … so tabs stay distinguishable.
export function nextFutureStateName(existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.trim().toLowerCase()));
  if (!taken.has('future state')) return 'Future state';
  for (let i = 2; ; i++) {
    const name = `Future state ${i}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
