// Reads a map file (schema v2; v1 files are migrated) for a command. A file that cannot be read, is not JSON or fails the
// validator is reported on stderr with every problem, and the command exits with 2.
import { type FlowMap, formatProblem, validateMap } from '@flowmap/shared';
import type { CliIO } from './io.ts';

function describe(error: unknown): string {
  if (error instanceof SyntaxError) return `invalid JSON (${error.message})`;
  if (error && typeof error === 'object' && 'code' in error && error.code === 'ENOENT') {
    return 'no such file';
  }
  return error instanceof Error ? error.message : String(error);
}

/** The validated map, or null after the reasons went to stderr. */
export async function loadMap(file: string, io: CliIO): Promise<FlowMap | null> {
  let raw: unknown;
  try {
    raw = JSON.parse(await io.readFile(file));
  } catch (error) {
    io.err(`flowmap: cannot read ${file}: ${describe(error)}\n`);
    return null;
  }
  const result = validateMap(raw);
  if (!result.ok) {
    io.err(`flowmap: ${file} is not a valid Flowmap map (schema v2):\n`);
    for (const problem of result.problems) io.err(`  ${formatProblem(problem)}\n`);
    return null;
  }
  return result.map;
}
