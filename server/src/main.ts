// `pnpm start`: configuration, owner key, storage, one server on one port, graceful shutdown.
import { loadOwnerKey } from './auth/secrets.ts';
import { HELP, loadConfig } from './config.ts';
import { createServer } from './http/app.ts';
import { SqliteStorage } from './storage/sqlite.ts';

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
  const storage = SqliteStorage.open({ dataDir: config.dataDir });
  const server = await createServer(config, { storage, ownerKey });
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
      await server.close();
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
