// How the top bar makes room on a laptop or projector (1440 px and less) once three or more
// people are in the map or someone is followed: avatars fold into "+N" early, so the title and
// every state tab stay readable. Pure, so the rules are tested without a browser.

/** From this window width the top bar has room for everything at full size. */
export const WIDE_TOP_BAR_PX = 1700;

/** Avatar slots in the bar, yours included; the last one becomes "+N" when people are left over. */
export function avatarSlots(windowWidth: number, following: boolean): number {
  if (windowWidth >= WIDE_TOP_BAR_PX) return 6;
  // The "Stop following" pill takes an avatar's room.
  return following ? 2 : 3;
}

/**
 * Splits the others (you are always shown first) into avatars and the "+N" menu. Everyone is
 * shown when they fit; otherwise one slot goes to "+N", so the bar never grows past `slots`.
 */
export function splitAvatars<T>(others: readonly T[], slots: number): { shown: T[]; folded: T[] } {
  const room = Math.max(0, slots - 1);
  if (others.length <= room) return { shown: [...others], folded: [] };
  const shown = others.slice(0, Math.max(0, room - 1));
  return { shown, folded: others.slice(shown.length) };
}
