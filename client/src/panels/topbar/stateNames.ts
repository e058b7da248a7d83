// Naming a new future state: "Future state", then "Future state 2", … so tabs stay distinguishable.
// The name is in the UI language when the state is created ("미래 상태", "미래 상태 2", …) and is
// written into the map like any other name.
import { displayT } from '@flowmap/shared/i18n';

export function nextFutureStateName(existing: readonly string[]): string {
  const t = displayT('topbar');
  const taken = new Set(existing.map((n) => n.trim().toLowerCase()));
  const first = t('states.futureName');
  if (!taken.has(first.toLowerCase())) return first;
  for (let n = 2; ; n++) {
    const name = t('states.futureNameNumbered', { n });
    if (!taken.has(name.toLowerCase())) return name;
  }
}
