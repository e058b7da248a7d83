// `pnpm flowmap <command>`: the Node-side command line. Argument parsing stays here; each command
// is its own module that takes a CliIO, so it is testable without a process.
import { parseArgs } from 'node:util';
import { softwareDeliveryTemplate } from '@flowmap/shared';
import { importCommand } from './importCommand.ts';
import type { CliIO, ExitCode } from './io.ts';
import { metricsCommand } from './metricsCommand.ts';
import { renderCommand } from './renderCommand.ts';

export const USAGE = `Usage: flowmap <command> [options]

Commands:
  metrics <map.json> [--json]   Flow metrics per state: lead time, value-add time, flow
                                efficiency, rolled %C/A, critical path, bottlenecks.
                                Exit 2: invalid file; exit 1: a state has errors (e.g. a cycle).
  render <map.json> -o <file> [--state <id|name>] [--format svg|png|pdf|csv]
                                Export as the server does, byte for byte. The format defaults to
                                the file's extension; -o - writes to standard output. SVG and PNG
                                draw one state (default: the first current state); PDF and CSV
                                hold every state unless --state names one. Exit 2: invalid file,
                                unknown state or format; exit 1: refused (too large) or not written.
  import <map.json> --server <url> [--key <owner key>] [--json]
                                Create a map on a running server from a schema-v1 file and print
                                its edit and view links. The key may come from FLOWMAP_OWNER_KEY.
  template [--title <title>]    Print the "Software delivery pipeline" template as schema-v1 JSON.
  help                          Show this help.
`;

const OPTIONS_OF: Record<string, readonly string[]> = {
  metrics: ['json'],
  render: ['state', 'format', 'output'],
  import: ['server', 'key', 'json'],
  template: ['title'],
};

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
  const allowed = OPTIONS_OF[command];
  if (!allowed) {
    io.err(`flowmap: unknown command “${command}”\n\n${USAGE}`);
    return 2;
  }
  const stray = Object.keys(parsed.values).filter((o) => o !== 'help' && !allowed.includes(o));
  if (stray.length > 0) {
    io.err(`flowmap: ${command} does not take --${stray.join(', --')}\n\n${USAGE}`);
    return 2;
  }
  const { values } = parsed;
  if (command === 'template') {
    io.out(
      `${JSON.stringify(softwareDeliveryTemplate(values.title ? { title: values.title } : {}), null, 2)}\n`,
    );
    return 0;
  }
  const [file, ...extra] = rest;
  if (!file || extra.length > 0) {
    io.err(`flowmap: ${command} takes exactly one file\n\n${USAGE}`);
    return 2;
  }
  switch (command) {
    case 'metrics':
      return metricsCommand(file, { json: values.json === true }, io);
    case 'render':
      return renderCommand(
        file,
        { state: values.state, format: values.format, output: values.output },
        io,
      );
    default:
      return importCommand(
        file,
        { server: values.server, key: values.key, json: values.json === true },
        io,
      );
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
      state: { type: 'string' },
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      server: { type: 'string' },
      key: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
