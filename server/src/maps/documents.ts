// How the HTTP layer reaches a map's document. Through the room when one is loaded (so connected
// clients see a rename at once and an export includes their latest edits), otherwise straight
// from storage. Implemented by the sync layer's RoomManager; kept as an interface so the maps
// service is testable on its own.
import type * as Y from 'yjs';

export interface DocumentAccess {
  /** Runs `fn` on the current document of the map (loaded if need be) and returns its result. */
  read<T>(mapId: string, fn: (doc: Y.Doc) => T): Promise<T>;
  /** Applies `fn` as a server write: stored before clients see it, relayed to every client. */
  write(mapId: string, fn: (doc: Y.Doc) => void): Promise<void>;
  /** Closes every connection of the map (after delete or token rotation) and forgets its room. */
  evict(mapId: string, code: number, reason: string): Promise<void>;
}
