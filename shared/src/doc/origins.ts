// Every write to a map document is tagged with who made it, as the transaction origin.
//
// The undo manager tracks `local` only: undo must take back what *this person* did in *this
// tab*, never a collaborator's edit (`remote`), an import or template that built the document,
// a schema migration, or a server-side write. Providers such as y-websocket apply remote updates
// with their own instance as origin; that is untracked too, because only `local` is tracked.
//
// Plain strings rather than symbols or objects: they compare equal across two bundled copies of
// this module and survive being logged.
export const ORIGINS = Object.freeze({
  /** A person editing in this client; the only undoable origin. */
  local: 'flowmap:local',
  /** Updates received from other clients. */
  remote: 'flowmap:remote',
  /** A JSON import replacing or filling the document. */
  import: 'flowmap:import',
  /** Bringing an older document up to the current schema. */
  migration: 'flowmap:migration',
  /** Filling a new document from a template. */
  template: 'flowmap:template',
  /** Writes made by the server itself (e.g. restoring a snapshot, the CLI). */
  server: 'flowmap:server',
} as const);

export type Origin = (typeof ORIGINS)[keyof typeof ORIGINS];

const ALL = new Set<unknown>(Object.values(ORIGINS));

export function isOrigin(value: unknown): value is Origin {
  return ALL.has(value);
}
