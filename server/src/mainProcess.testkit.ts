// Tests only: the real server (`main.ts`) as a child process, for tests that kill it with -9,
// stop it with SIGTERM or run several instances. Resolves once it prints that it is running;
// fails with everything it printed if it exits or takes too long first.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { waitFor } from './sync/clients.testkit.ts';

const MAIN = join(import.meta.dirname, 'main.ts');

export interface MainProcess {
  child: ChildProcess;
  /** http://127.0.0.1:<port> */
  base: string;
  /** Everything the process printed (stdout and stderr), for failure messages. */
  output(): string;
  /** Resolves with the exit code, or the signal that ended the process. */
  exited: Promise<number | string | null>;
}

export async function startMainProcess(options: {
  port: number;
  /** Command-line flags after --port. */
  args?: string[];
  /** Added to this process's environment. */
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}): Promise<MainProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', MAIN, '--port', String(options.port), ...(options.args ?? [])],
    { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  const proc: MainProcess = {
    child,
    base: `http://127.0.0.1:${options.port}`,
    output: () => output,
    exited,
  };
  try {
    await waitFor(
      () => {
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`server exited early: ${output}`);
        }
        return output.includes('Flowmap is running');
      },
      () => `server start: ${output}`,
      options.timeoutMs ?? 30_000,
    );
  } catch (error) {
    await killMainProcess(proc);
    throw error;
  }
  return proc;
}

/** Kills the process with SIGKILL unless it already ended; resolves when it has. */
export async function killMainProcess(proc: MainProcess): Promise<void> {
  const { child } = proc;
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await proc.exited;
}
