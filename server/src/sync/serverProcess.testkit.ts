// Child-process entry for crash tests: the test harness on SQLite, killable with SIGKILL.
// Usage: node --import tsx serverProcess.testkit.ts <dataDir> [port]
import { SqliteStorage } from '../storage/sqlite/index.ts';
import { startTestServer } from './server.testkit.ts';

const [dataDir, port] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: serverProcess.testkit.ts <dataDir> [port]');
const storage = SqliteStorage.open({ dataDir });
const server = await startTestServer({ storage, port: Number(port ?? 0) });
process.stdout.write(`READY ${server.syncUrl}\n`);
