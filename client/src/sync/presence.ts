// What each participant shares through Yjs awareness: never stored, dropped when they leave.
// Positions are in flow (canvas) coordinates so they mean the same at every zoom level.
export interface XY {
  x: number;
  y: number;
}

export interface Presence {
  user: { name: string; colour: string };
  /** The state (tab) the participant is looking at. */
  stateId: string | null;
  cursor: XY | null;
  selection: string[];
  viewport: { x: number; y: number; zoom: number } | null;
  /** Live positions while dragging; the document gets the final position once, on drop. */
  dragging: ({ id: string } & XY)[] | null;
}

export interface Peer extends Presence {
  clientId: number;
}

export const PRESENCE_COLOURS = [
  '#e6194b',
  '#3cb44b',
  '#4363d8',
  '#f58231',
  '#911eb4',
  '#008080',
  '#f032e6',
  '#9a6324',
  '#800000',
  '#000075',
] as const;

const NAME_KEY = 'flowmap.displayName';
const COLOUR_KEY = 'flowmap.colour';

export function savedDisplayName(): string | null {
  return localStorage.getItem(NAME_KEY);
}

export function saveDisplayName(name: string): void {
  localStorage.setItem(NAME_KEY, name.trim().slice(0, 60));
}

export function savedColour(): string {
  const existing = localStorage.getItem(COLOUR_KEY);
  if (existing) return existing;
  const colour =
    PRESENCE_COLOURS[Math.floor(Math.random() * PRESENCE_COLOURS.length)] ?? PRESENCE_COLOURS[0];
  localStorage.setItem(COLOUR_KEY, colour);
  return colour;
}

/** Awareness content from another client is untrusted: keep only well-formed fields. */
export function toPeer(clientId: number, raw: unknown): Peer | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const s = raw as Partial<Record<keyof Presence, unknown>>;
  const user = s.user as { name?: unknown; colour?: unknown } | undefined;
  if (!user || typeof user.name !== 'string') return null;
  const xy = (v: unknown): XY | null => {
    const p = v as Partial<XY> | null;
    return p && Number.isFinite(p.x) && Number.isFinite(p.y)
      ? { x: p.x as number, y: p.y as number }
      : null;
  };
  const vp = s.viewport as { x?: unknown; y?: unknown; zoom?: unknown } | null | undefined;
  return {
    clientId,
    user: {
      name: user.name.slice(0, 60),
      colour:
        typeof user.colour === 'string' && /^#[0-9a-f]{6}$/i.test(user.colour)
          ? user.colour
          : '#888888',
    },
    stateId: typeof s.stateId === 'string' ? s.stateId : null,
    cursor: xy(s.cursor),
    selection: Array.isArray(s.selection)
      ? s.selection.filter((id): id is string => typeof id === 'string').slice(0, 500)
      : [],
    viewport:
      vp && Number.isFinite(vp.x) && Number.isFinite(vp.y) && Number.isFinite(vp.zoom)
        ? { x: vp.x as number, y: vp.y as number, zoom: vp.zoom as number }
        : null,
    dragging: Array.isArray(s.dragging)
      ? s.dragging
          .flatMap((d) => {
            const p = xy(d);
            const id = (d as { id?: unknown } | null)?.id;
            return p && typeof id === 'string' ? [{ id, ...p }] : [];
          })
          .slice(0, 500)
      : null,
  };
}
