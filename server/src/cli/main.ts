// `pnpm flowmap <command>`: the Node-side command line. Argument parsing stays here; each command
// is its own module that takes a CliIO, so it is testable without a process.
import { parseArgs } from 'node:util';
import { softwareDeliveryTemplate } from '@flowmap/shared';
import { importCommand } from './importCommand.ts';
import type { CliIO, ExitCode } from './io.ts';
import { measureCommand } from './measureCommand.ts';
import { metricsCommand } from './metricsCommand.ts';
import { renderCommand } from './renderCommand.ts';
import { simulateCommand } from './simulateCommand.ts';

export const USAGE = `Usage: flowmap <command> [options]

Commands:
  metrics <map.json> [--json] [--strict]
                                Flow metrics per state: worst-case (critical path) and expected
                                lead time, value-add time, flow efficiency, rolled %C/A,
                                bottlenecks (waiting, quality, capacity), takt, utilisation, the
                                projected state, and what is incomplete, wrong or not connected.
                                Exit 2: invalid file; exit 1: a state has errors (e.g. a cycle),
                                or, with --strict, anything incomplete, wrong or not connected.
  render <map.json> -o <file> [--state <id|name>] [--format svg|png|pdf|csv]
                                Export as the server does, byte for byte. The format defaults to
                                the file's extension; -o - writes to standard output. SVG and PNG
                                draw one state (default: the first current state); PDF and CSV
                                hold every state unless --state names one. Exit 2: invalid file,
                                unknown state or format; exit 1: refused (too large) or not written.
  measure <events.csv|json> --map <map.json> [--state <id|name>] [--deployments <file>] [--json]
                                Measured reality from an event log (item, stage, entered, exited,
                                active_minutes?) and a deployment log (deployed_at, failed,
                                restored_at?, committed_at?): per stage passes, items, lead time
                                p50/p85/mean in working time, %C/A and rework from back-moves;
                                the four key metrics measured. Exit 2: unusable map or log.
  simulate <map.json> [--state <id|name>] [--trials N] [--seed S] [--json]
                                Lead-time forecast per state by seeded simulation (default 10,000
                                trials, seed 1): mean, p50, p85, p95 and a histogram; the state
                                with its kaizens' effects, and what each kaizen buys alone.
                                Same seed, same numbers. Exit 2: invalid file or arguments;
                                exit 1: a state has errors (e.g. a cycle).
  import <map.json> --server <url> [--key <owner key>] [--json]
                                Create a map on a running server from a schema-v2 (or v1) file and print
                                its edit and view links. The key may come from FLOWMAP_OWNER_KEY.
  template [--title <title>]    Print the "Software delivery pipeline" template as schema-v2 JSON.
  help                          Show this help.
`;

const OPTIONS_OF: Record<string, readonly string[]> = {
  metrics: ['json', 'strict'],
  render: ['state', 'format', 'output'],
  import: ['server', 'key', 'json'],
  simulate: ['state', 'trials', 'seed', 'json'],
  measure: ['map', 'state', 'deployments', 'json'],
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
      return metricsCommand(
        file,
        { json: values.json === true, strict: values.strict === true },
        io,
      );
    case 'measure':
      return measureCommand(
        file,
        {
          map: values.map,
          state: values.state,
          deployments: values.deployments,
          json: values.json === true,
        },
        io,
      );
    case 'simulate':
      return simulateCommand(
        file,
        {
          state: values.state,
          trials: values.trials,
          seed: values.seed,
          json: values.json === true,
        },
        io,
      );
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
      strict: { type: 'boolean' },
      title: { type: 'string' },
      state: { type: 'string' },
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      server: { type: 'string' },
      key: { type: 'string' },
      trials: { type: 'string' },
      seed: { type: 'string' },
      map: { type: 'string' },
      deployments: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
