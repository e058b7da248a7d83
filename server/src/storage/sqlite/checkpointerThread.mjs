// The SQLite checkpointer thread (see WalCheckpointer in checkpointer.ts). A checkpoint copies the
// WAL into the database file and fsyncs both: tens of milliseconds that SQLite's automatic
// checkpoint would spend inside whichever commit crossed the threshold, i.e. on the server's
// event loop. Here it runs on its own connection in its own thread. Plain JavaScript: a worker
// starts without the parent's TypeScript loader, and this needs nothing but better-sqlite3.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
// Checkpoints fsync the WAL before and the database file after, as the main connection's would.
db.pragma('synchronous = NORMAL');

parentPort?.on('message', (message) => {
  if (message === 'checkpoint') {
    try {
      // PASSIVE: copy what no reader still needs, never wait for or block the writer.
      const [result] = db.pragma('wal_checkpoint(PASSIVE)');
      parentPort?.postMessage({ type: 'checkpointed', result });
    } catch (error) {
      parentPort?.postMessage({ type: 'failed', error: String(error) });
    }
  } else if (message === 'close') {
    db.close();
    parentPort?.postMessage({ type: 'closed' });
  }
});
