// SQLite storage, the default adapter (one file, WAL journal, every write fsync'd before it
// resolves): the class, its file name and its schema versions. Its parts, one concept a file:
// adapter.ts (the Storage methods), queries.ts (the SQL), migrations.ts (the schema),
// groupCommit.ts and walSync.ts (durable writes off the event loop), checkpointer.ts (WAL
// checkpoints in a worker thread).
export { SQLITE_FILE_NAME, SqliteStorage, type SqliteStorageOptions } from './adapter.ts';
export { MIGRATIONS, SQLITE_SCHEMA_VERSION } from './migrations.ts';
