// `flowmap render <map.json> --state <id|name> --format svg|png|pdf|csv -o <file>`: the same
// export the server sends for the same map, byte for byte (renderExport is shared; the server
// only runs it in a worker thread). Exit 2: unusable input (file, state, options); exit 1: the
// export was refused (too large) or could not be written.
import { extname } from 'node:path';
import { describeStates, findState, sortedStates } from '@flowmap/shared';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  isExportFormat,
  renderExport,
} from '../export/render.ts';
import type { CliIO, ExitCode } from './io.ts';
import { loadMap } from './loadMap.ts';

export interface RenderOptions {
  state?: string | undefined;
  format?: string | undefined;
  output?: string | undefined;
}

function formatOf(options: RenderOptions): ExportFormat | string | null {
  if (options.format !== undefined) return options.format.toLowerCase();
  const ext = options.output && options.output !== '-' ? extname(options.output).slice(1) : '';
  return ext ? ext.toLowerCase() : null;
}

export async function renderCommand(
  file: string,
  options: RenderOptions,
  io: CliIO,
): Promise<ExitCode> {
  const output = options.output;
  if (!output) {
    io.err('flowmap: render needs -o <file> (or -o - for standard output)\n');
    return 2;
  }
  const format = formatOf(options);
  if (!isExportFormat(format)) {
    io.err(
      format === null
        ? `flowmap: say which format with --format ${EXPORT_FORMATS.join('|')}, or use a file extension\n`
        : `flowmap: unknown format “${format}”; use one of ${EXPORT_FORMATS.join(', ')}\n`,
    );
    return 2;
  }
  const map = await loadMap(file, io);
  if (!map) return 2;

  let stateId: string | undefined;
  if (options.state !== undefined) {
    const found = findState(map, options.state);
    if (!found.ok) {
      io.err(`flowmap: ${found.message}\n`);
      return 2;
    }
    stateId = found.state.id;
  } else if (sortedStates(map).length === 0) {
    io.err(`flowmap: ${file} has no states to render (${describeStates([])})\n`);
    return 2;
  }

  const result = await renderExport(map, { format, stateId });
  if (!result.ok) {
    io.err(`flowmap: ${result.message}\n`);
    return result.status === 404 ? 2 : 1;
  }
  try {
    await io.writeFile(output, result.bytes);
  } catch (error) {
    io.err(`flowmap: cannot write ${output}: ${error instanceof Error ? error.message : error}\n`);
    return 1;
  }
  if (result.note) io.err(`flowmap: ${result.note}\n`);
  if (output !== '-') io.err(`flowmap: wrote ${output} (${result.bytes.byteLength} bytes)\n`);
  return 0;
}
