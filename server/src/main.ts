// `pnpm start`: configuration, owner key, storage (SQLite, or PostgreSQL with DATABASE_URL), the
// fan-out to other instances (with REDIS_URL), one server on one port, graceful shutdown.
import { loadOwnerKey } from './auth/secrets.ts';
import { RedisFanout } from './cluster/redisFanout.ts';
import { HELP, loadConfig, redactCredentials, type ServerConfig } from './config.ts';
import { createServer } from './http/app.ts';
import { PostgresStorage } from './storage/postgres.ts';
import { SqliteStorage } from './storage/sqlite/index.ts';
import type { Storage } from './storage/types.ts';
import { SILENT_LOGGER, type SyncLogger } from './sync/index.ts';

// Storage and the fan-out start before the server and its logger exist; they log through this.
let serverLog: SyncLogger = SILENT_LOGGER;
const log: SyncLogger = {
  debug: (obj, msg) => serverLog.debug(obj, msg),
  info: (obj, msg) => serverLog.info(obj, msg),
  warn: (obj, msg) => serverLog.warn(obj, msg),
  error: (obj, msg) => serverLog.error(obj, msg),
};

async function openStorage(config: ServerConfig): Promise<Storage> {
  if (!config.databaseUrl) {
    return SqliteStorage.open({ dataDir: config.dataDir, fsync: config.sqliteFsync ?? true });
  }
  try {
    return await PostgresStorage.open({
      connectionString: config.databaseUrl,
      onError: (error) => log.warn({ err: error.message }, 'PostgreSQL connection error'),
    });
  } catch (error) {
    throw new Error(
      `could not open PostgreSQL at ${redactCredentials(config.databaseUrl)}: ${String(error)}`,
    );
  }
}

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.argv.slice(2));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`flowmap: ${message}\n\n${HELP}`);
    process.exit(2);
  }
  if (config === 'help') {
    process.stdout.write(HELP);
    return;
  }
  const { key: ownerKey, created } = await loadOwnerKey(config.dataDir, config.ownerKey);
  const storage = await openStorage(config);
  const fanout = config.redisUrl
    ? await RedisFanout.start({
        url: config.redisUrl,
        prefix: config.redisPrefix,
        instanceId: config.instanceId,
        storage,
        logger: log,
      }).catch(async (error: unknown) => {
        await storage.close();
        throw error;
      })
    : undefined;
  const server = await createServer(config, { storage, ownerKey, ...(fanout ? { fanout } : {}) });
  serverLog = server.app.log;
  if (fanout) log.info({ instanceId: fanout.instanceId }, 'fanning out through Redis');
  const url = await server.listen();
  const base = config.publicUrl ?? url;
  // Like Jupyter: the one place the owner key is shown, on the console of the person who started
  // the server — not in the structured log.
  process.stdout.write(
    `\nFlowmap is running. Open this link to manage your maps${created ? ' (new owner key)' : ''}:\n\n` +
      `    ${base}/#key=${ownerKey}\n\n`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      // Rooms flush, compact and leave the fan-out first; then peers hear that we left.
      await server.close();
      await fanout?.close();
      await storage.close();
      process.exit(0);
    } catch (error) {
      server.app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `flowmap: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
