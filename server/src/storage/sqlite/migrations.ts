// The SQLite schema, versioned with PRAGMA user_version: each migration runs once, in its own
// transaction, when SqliteStorage opens the file. Append new migrations; never edit one that has
// shipped (a database is upgraded by running the ones after its version).
import type Database from 'better-sqlite3';

// Each entry upgrades the schema by one version (PRAGMA user_version). Append, never edit.
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE maps (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    edit_token TEXT NOT NULL,
    view_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE documents (
    map_id TEXT PRIMARY KEY REFERENCES maps(id) ON DELETE CASCADE,
    last_seq INTEGER NOT NULL DEFAULT 0,
    snapshot_seq INTEGER NOT NULL DEFAULT 0,
    snapshot BLOB
  ) STRICT;
  CREATE TABLE updates (
    map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (map_id, seq)
  ) STRICT;
  CREATE TABLE named_snapshots (
    map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (map_id, id)
  ) STRICT;
  `,
  // The map library's figures (StoredSummary), so listing maps reads rows, never documents.
  // summary_seq NULL: never summarised (maps written before this version).
  `
  ALTER TABLE maps ADD COLUMN stage_count INTEGER;
  ALTER TABLE maps ADD COLUMN lead_time_minutes REAL;
  ALTER TABLE maps ADD COLUMN summary_seq INTEGER;
  `,
];

export const SQLITE_SCHEMA_VERSION = MIGRATIONS.length;

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `database schema version ${current} is newer than this server supports (${MIGRATIONS.length})`,
    );
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
