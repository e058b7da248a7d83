// The map endpoints' wire shapes (`/api/maps…`) and the rule for a map id, written once: the
// server answers with these types and every client (the web app, the browser tests, the
// benchmarks) reads them, so a field renamed on one side fails to compile on the other.

/** What a link's token grants on a map: editing, or reading only. */
export type Access = 'edit' | 'view';

/**
 * A map's id and both tokens: what creating, importing, duplicating, rotating tokens and restoring
 * a snapshot answer. The tokens are the secrets; the id is not.
 */
export interface MapLinks {
  id: string;
  editToken: string;
  viewToken: string;
}

/** A row of the library (`GET /api/maps`), from the stored summary: no document is loaded. */
export interface MapSummary {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  stageCount: number;
  /** Total lead time of the first current state, minutes; null when it cannot be computed. */
  leadTimeMinutes: number | null;
}

/**
 * Map ids the server accepts, over HTTP and at the websocket upgrade: what an URL path segment can
 * carry without escaping. Ids it mints are 16 characters (96 bits, base64url).
 */
export const MAP_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

export function isValidMapId(mapId: string): boolean {
  return MAP_ID_PATTERN.test(mapId);
}
