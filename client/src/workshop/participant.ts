// Who "you" are in the workshop: a random participant id kept in this browser (answers and dots are
// filed under it, so a reload or reconnect keeps them yours), with the display name everyone sees.
const ID_KEY = 'flowmap.participantId';

function randomId(): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  return `p-${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')}`;
}

let cached: string | null = null;

export function participantId(): string {
  if (cached) return cached;
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(ID_KEY) : null;
  cached = saved && /^[A-Za-z0-9_-]{1,64}$/.test(saved) ? saved : randomId();
  if (!saved && typeof localStorage !== 'undefined') localStorage.setItem(ID_KEY, cached);
  return cached;
}
