// `flowmap import <map.json> --server <url> [--key <owner key>]`: creates a map on a running
// server from a map file and prints its edit and view links. The file is validated here
// first, so an invalid one never reaches the server. The owner key may come from
// FLOWMAP_OWNER_KEY instead of --key, which keeps it out of the shell history and process list.
import type { MapLinks } from '@flowmap/shared/api';
import type { CliIO, ExitCode } from './io.ts';
import { loadMap } from './loadMap.ts';

export interface ImportOptions {
  server?: string | undefined;
  key?: string | undefined;
  json: boolean;
}

export async function importCommand(
  file: string,
  options: ImportOptions,
  io: CliIO,
): Promise<ExitCode> {
  let base: URL;
  try {
    base = new URL(options.server ?? '');
    if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error('not http');
  } catch {
    io.err('flowmap: import needs --server <url>, e.g. --server http://127.0.0.1:4321\n');
    return 2;
  }
  const key = options.key ?? io.env.FLOWMAP_OWNER_KEY;
  if (!key) {
    io.err('flowmap: import needs the owner key: --key <key> or FLOWMAP_OWNER_KEY\n');
    return 2;
  }
  const map = await loadMap(file, io);
  if (!map) return 2;

  const root = base.href.replace(/\/+$/, '');
  let res: Response;
  try {
    res = await fetch(`${root}/api/maps/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(map),
    });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    io.err(`flowmap: cannot reach ${root}: ${cause instanceof Error ? cause.message : cause}\n`);
    return 1;
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.status !== 201) {
    const reason = typeof body.error === 'string' ? body.error : `HTTP ${res.status}`;
    io.err(`flowmap: the server refused the import: ${reason}\n`);
    for (const message of Array.isArray(body.messages) ? body.messages : []) {
      io.err(`  ${String(message)}\n`);
    }
    // Refused input (invalid map, wrong key) is the caller's to fix; anything else is the server's.
    return res.status === 400 || res.status === 401 || res.status === 413 ? 2 : 1;
  }
  const { id, editToken, viewToken } = body as unknown as MapLinks;
  const link = (token: string) => `${root}/m/${id}?token=${encodeURIComponent(token)}`;
  if (options.json) {
    io.out(
      `${JSON.stringify({ id, editToken, viewToken, editLink: link(editToken), viewLink: link(viewToken) }, null, 2)}\n`,
    );
  } else {
    io.out(
      `Imported “${map.meta.title}” as ${id}\n  edit link: ${link(editToken)}\n  view link: ${link(viewToken)}\n`,
    );
  }
  return 0;
}
