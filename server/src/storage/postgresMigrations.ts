// Versioned schema for PostgresStorage. Each migration runs once, in its own transaction, and is
// recorded in `schema_migrations`; a session-level advisory lock makes instances that start at the
// same time migrate one after the other instead of racing. Append new migrations; never edit one
// that has shipped.
import type pg from 'pg';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'maps, documents, update log, named snapshots',
    sql: `
      CREATE TABLE maps (
        id text PRIMARY KEY,
        title text NOT NULL,
        edit_token text NOT NULL,
        view_token text NOT NULL,
        created_at bigint NOT NULL,
        updated_at bigint NOT NULL
      );
      CREATE INDEX maps_created ON maps (created_at, id);
      -- One row per map; its row lock serialises appends and compactions of that map, so sequence
      -- numbers are handed out in commit order.
      CREATE TABLE documents (
        map_id text PRIMARY KEY REFERENCES maps (id) ON DELETE CASCADE,
        last_seq bigint NOT NULL DEFAULT 0,
        snapshot_seq bigint NOT NULL DEFAULT 0,
        snapshot bytea
      );
      CREATE TABLE updates (
        map_id text NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (map_id, seq)
      );
      CREATE TABLE named_snapshots (
        map_id text NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
        id text NOT NULL,
        name text NOT NULL,
        created_at bigint NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (map_id, id)
      );
    `,
  },
  {
    version: 2,
    name: 'map summaries for the library',
    // What the map library lists (StoredSummary), so listing reads rows, never documents.
    // summary_seq NULL: never summarised (maps written before this version).
    sql: `
      ALTER TABLE maps
        ADD COLUMN stage_count integer,
        ADD COLUMN lead_time_minutes double precision,
        ADD COLUMN summary_seq bigint;
    `,
  },
];

export const POSTGRES_SCHEMA_VERSION = MIGRATIONS.length;

// Any constant works as long as nothing else in the database uses it: "flowmap" in ASCII.
const MIGRATION_LOCK = 0x666c6f776d6170;

/**
 * Creates `schema` if given (the connection's search_path must name it), then brings the schema
 * up to date. Returns the version it is at.
 */
export async function migrate(client: pg.PoolClient, schema?: string): Promise<number> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM schema_migrations',
    );
    const current = rows[0]?.version ?? 0;
    if (current > MIGRATIONS.length) {
      throw new Error(
        `database schema version ${current} is newer than this server supports (${MIGRATIONS.length})`,
      );
    }
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          migration.version,
          migration.name,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return MIGRATIONS.length;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
