// Shared pieces of the reliability tests: the real server (`main.ts`) as a child process that can
// be killed with -9 and started again on the same port and data directory, and an opt-in report
// of the figures a test measured (`FLOWMAP_RELIABILITY_REPORT=1`), quiet by default.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort, waitFor } from '../sync/testClients.ts';

export { freePort };

export const OWNER_KEY = 'reliability-test-owner-key-0123456789';
const main = join(import.meta.dirname, '..', 'main.ts');

export interface ServerProcess {
  child: ChildProcess;
  base: string;
  /** Everything the process printed (stdout and stderr), for failure messages. */
  output(): string;
  /** Resolves with the exit code, or the signal that ended the process. */
  exited: Promise<number | string | null>;
}

/** Starts `main.ts` on SQLite in `dataDir`; resolves once it listens. */
export async function startServerProcess(
  port: number,
  dataDir: string,
  timeoutMs = 20_000,
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      main,
      '--port',
      String(port),
      '--data-dir',
      dataDir,
      '--log-level',
      'warn',
      // Every client reconnects after a crash; the per-IP limit is for the open internet.
      '--conn-rate',
      '100000',
    ],
    {
      env: { ...process.env, FLOWMAP_OWNER_KEY: OWNER_KEY },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  const base = `http://127.0.0.1:${port}`;
  const proc: ServerProcess = { child, base, output: () => output, exited };
  try {
    await waitFor(
      () => {
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`server exited early: ${output}`);
        }
        return output.includes('Flowmap is running');
      },
      () => `server start: ${output}`,
      timeoutMs,
    );
  } catch (error) {
    await stopProcess(proc);
    throw error;
  }
  return proc;
}

/** Kills the process with SIGKILL unless it already ended; resolves when it has. */
export async function stopProcess(proc: ServerProcess): Promise<void> {
  const { child } = proc;
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await proc.exited;
}

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
