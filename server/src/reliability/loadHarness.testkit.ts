// Shared pieces of the reliability tests: the real server (`main.ts`) as a child process that can
// be killed with -9 and started again on the same port and data directory, and an opt-in report
// of the figures a test measured (`FLOWMAP_RELIABILITY_REPORT=1`), quiet by default.

import { killMainProcess, type MainProcess, startMainProcess } from '../mainProcess.testkit.ts';
import { freePort } from '../sync/clients.testkit.ts';

export { freePort };

export const OWNER_KEY = 'reliability-test-owner-key-0123456789';

export type ServerProcess = MainProcess;

/** Starts `main.ts` on SQLite in `dataDir`; resolves once it listens. */
export function startServerProcess(
  port: number,
  dataDir: string,
  timeoutMs = 20_000,
): Promise<ServerProcess> {
  return startMainProcess({
    port,
    // Every client reconnects after a crash; the per-IP limit is for the open internet.
    args: ['--data-dir', dataDir, '--log-level', 'warn', '--conn-rate', '100000'],
    env: { FLOWMAP_OWNER_KEY: OWNER_KEY },
    timeoutMs,
  });
}

/** Kills the process with SIGKILL unless it already ended; resolves when it has. */
export const stopProcess = killMainProcess;

/** Creates a map through the API with the owner key. */
export async function createMapOnServer(
  base: string,
  title: string,
): Promise<{ id: string; editToken: string }> {
  const res = await fetch(`${base}/api/maps`, {
    method: 'POST',
    headers: { authorization: `Bearer ${OWNER_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (res.status !== 201) throw new Error(`create map: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; editToken: string };
}

/** Prints what a reliability test measured when FLOWMAP_RELIABILITY_REPORT is set. */
export function report(test: string, figures: Record<string, unknown>): void {
  if (!process.env.FLOWMAP_RELIABILITY_REPORT) return;
  process.stdout.write(`[reliability] ${test} ${JSON.stringify(figures)}\n`);
}
