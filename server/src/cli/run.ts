// Process entry point of the CLI: wires runCli to the real stdout, stderr and file system.
import { readFile } from 'node:fs/promises';
import type { CliIO } from './io.ts';
import { runCli } from './main.ts';

const processIO: CliIO = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
};

try {
  process.exitCode = await runCli(process.argv.slice(2), processIO);
} catch (error) {
  process.stderr.write(`flowmap: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 2;
}
