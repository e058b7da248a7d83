// How the HTTP layer reaches a map's document. Through the room when one is loaded (so connected
// clients see a rename at once and an export includes their latest edits), otherwise straight
// from storage. Implemented by the sync layer's RoomManager; kept as an interface so the maps
// service is testable on its own.
import type { Access } from '@flowmap/shared/api';
import type * as Y from 'yjs';

export interface DocumentAccess {
  /** Runs `fn` on the current document of the map (loaded if need be) and returns its result. */
  read<T>(mapId: string, fn: (doc: Y.Doc) => T): Promise<T>;
  /** Applies `fn` as a server write: stored before clients see it, relayed to every client. */
  write(mapId: string, fn: (doc: Y.Doc) => void): Promise<void>;
  /**
   * Without `access`: closes every connection of the map (it was deleted) and forgets its room.
   * With it: closes only the connections holding those access levels (their link was rotated),
   * on every instance; the others stay and the room goes on as usual.
   */
  evict(mapId: string, code: number, reason: string, access?: readonly Access[]): Promise<void>;
}
