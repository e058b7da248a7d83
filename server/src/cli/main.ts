// `pnpm flowmap <command>`: the Node-side command line. Argument parsing stays here; each command
// is its own module that takes a CliIO, so it is testable without a process.
import { parseArgs } from 'node:util';
import { softwareDeliveryTemplate } from '@flowmap/shared';
import type { CliIO, ExitCode } from './io.ts';
import { metricsCommand } from './metricsCommand.ts';

export const USAGE = `Usage: flowmap <command> [options]

Commands:
  metrics <map.json> [--json]   Flow metrics per state: lead time, value-add time, flow
                                efficiency, rolled %C/A, critical path, bottlenecks.
                                Exit 2: invalid file; exit 1: a state has errors (e.g. a cycle).
  template [--title <title>]    Print the "Software delivery pipeline" template as schema-v1 JSON.
  help                          Show this help.
`;

export async function runCli(argv: string[], io: CliIO): Promise<ExitCode> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.err(`flowmap: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || command === 'help' || command === undefined) {
    (command === undefined && !parsed.values.help ? io.err : io.out)(USAGE);
    return command === undefined && !parsed.values.help ? 2 : 0;
  }
  switch (command) {
    case 'metrics': {
      const [file, ...extra] = rest;
      if (!file || extra.length > 0) {
        io.err(`flowmap: metrics takes exactly one file\n\n${USAGE}`);
        return 2;
      }
      return metricsCommand(file, { json: parsed.values.json === true }, io);
    }
    case 'template': {
      const title = parsed.values.title;
      io.out(`${JSON.stringify(softwareDeliveryTemplate(title ? { title } : {}), null, 2)}\n`);
      return 0;
    }
    default:
      io.err(`flowmap: unknown command “${command}”\n\n${USAGE}`);
      return 2;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean' },
      title: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
