// Process entry point of the CLI: wires runCli to the real stdout, stderr and file system.
import { readFile, writeFile } from 'node:fs/promises';
import type { CliIO } from './io.ts';
import { runCli } from './main.ts';

const processIO: CliIO = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
  writeFile: async (path, data) => {
    if (path !== '-') return writeFile(path, data);
    await new Promise<void>((resolve, reject) =>
      process.stdout.write(data, (error) => (error ? reject(error) : resolve())),
    );
  },
  env: process.env,
};

try {
  process.exitCode = await runCli(process.argv.slice(2), processIO);
} catch (error) {
  process.stderr.write(`flowmap: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 2;
}
