// Server configuration: environment variables, overridden by command-line flags. Every setting has
// a default that makes `pnpm start` work on a laptop with nothing configured.
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Instance owner key; when unset, one is created under dataDir on first start. */
  ownerKey: string | undefined;
  /** Largest websocket frame accepted, bytes (an edit link's offline sync: maxDocumentBytes). */
  maxPayload: number;
  /** Largest encoded document a map may grow to, bytes; writes beyond it are refused. */
  maxDocumentBytes: number;
  /** Largest HTTP request body accepted (JSON import), bytes. */
  maxBodyBytes: number;
  /** New websocket connections allowed per client IP per minute. */
  connectionsPerIpPerMinute: number;
  /** Reverse proxies in front of the server whose X-Forwarded-For entries are believed. */
  trustProxyHops?: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Directory of the built client; served at / when it exists. */
  clientDir: string;
  /**
   * Who may show the editor in a frame: the CSP `frame-ancestors` sources, space separated
   * (`'self'` by default; `'none'`, or e.g. `'self' https://wiki.example.com`).
   */
  frameAncestors?: string;
  /** Where people reach this server, for printed links. */
  publicUrl: string | undefined;
  /**
   * SQLite only: fsync the WAL before an edit is acknowledged (true, the default: it survives a
   * power loss) or leave the write to the OS (false: it survives the server being killed, not a
   * power loss or kernel crash; SQLite's WAL with synchronous=NORMAL).
   */
  sqliteFsync?: boolean;
  /** PostgreSQL instead of SQLite (shared by several instances); contains credentials. */
  databaseUrl: string | undefined;
  /** Redis for fanning out updates and presence between instances; contains credentials. */
  redisUrl: string | undefined;
  /** Prefix of every Redis channel, so deployments can share one Redis. */
  redisPrefix: string;
  /** This instance's name among its peers (in logs); the fan-out adds a per-start suffix. */
  instanceId: string;
}

export const HELP = `Usage: pnpm start [-- options]

Options (environment variable in brackets):
  --port <n>               port to listen on [PORT] (default 4321; 0 picks a free one)
  --host <addr>            address to bind [HOST] (default 127.0.0.1; 0.0.0.0 for a LAN workshop)
  --data-dir <path>        where the SQLite database and owner key live [DATA_DIR] (default ./data)
  --owner-key <key>        instance owner key [FLOWMAP_OWNER_KEY] (default: generated, kept in data dir)
  --max-payload <bytes>    largest websocket message [MAX_PAYLOAD] (default 2097152); an edit
                           link's first sync after offline work may be up to --max-document
  --max-document <bytes>   largest map document; writes beyond it are refused [MAX_DOCUMENT]
                           (default 16777216)
  --max-body <bytes>       largest HTTP request body [MAX_BODY] (default 5242880)
  --conn-rate <n>          websocket connections per IP per minute [CONN_RATE] (default 120)
  --trust-proxy <n>        reverse proxies in front whose X-Forwarded-For is believed, for
                           per-IP limits [TRUST_PROXY] (default 0: the socket's address)
  --log-level <level>      fatal|error|warn|info|debug|trace|silent [LOG_LEVEL] (default info)
  --client-dir <path>      built client to serve [CLIENT_DIR] (default client/dist)
  --frame-ancestors <src>  who may frame the editor: CSP sources, space separated, e.g.
                           "'self' https://wiki.example.com" or "'none'" [FRAME_ANCESTORS]
                           (default 'self')
  --public-url <url>       base URL printed in links [PUBLIC_URL] (default http://HOST:PORT)
  --sqlite-fsync <on|off>  fsync before acknowledging an edit (off: survives a crash of the
                           server, not a power loss) [SQLITE_FSYNC] (default on)
  --database-url <url>     PostgreSQL instead of SQLite [DATABASE_URL] (postgres://user:pw@host/db)
  --redis-url <url>        fan out to other instances through Redis [REDIS_URL] (redis://host:6379)
  --redis-prefix <text>    prefix of Redis channels [REDIS_PREFIX] (default flowmap:)
  --instance-id <name>     this instance's name among its peers [INSTANCE_ID] (default host-pid)
  -h, --help               show this help
`;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export class ConfigError extends Error {}

function integer(name: string, value: string | undefined, fallback: number, min = 0): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    throw new ConfigError(`${name} must be a whole number ≥ ${min}, got “${value}”`);
  }
  return n;
}

// CSP source expressions as frame-ancestors takes them: a scheme (`https:`) or a host with an
// optional scheme, `*.` wildcard, port and path. Nothing that could end the directive (`;`), start
// another policy (`,`) or a header line: the value goes into a response header.
const SCHEME_SOURCE = /^[a-z][a-z0-9+.-]*:$/i;
const HOST_SOURCE =
  /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:\*|(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::(?:\d{1,5}|\*))?(?:\/[\w.~%/-]*)?$/i;

function frameAncestors(value: string | undefined): string {
  const sources = (value ?? '')
    .trim()
    .split(/[ \t]+/)
    .filter(Boolean);
  if (sources.length === 0) return "'self'";
  for (const source of sources) {
    if (source === "'self'" || source === "'none'") continue;
    if (SCHEME_SOURCE.test(source) || HOST_SOURCE.test(source)) continue;
    throw new ConfigError(
      `FRAME_ANCESTORS takes CSP sources separated by spaces ('self', 'none', https://host), got “${source}”`,
    );
  }
  if (sources.includes("'none'") && sources.length > 1) {
    throw new ConfigError("FRAME_ANCESTORS: 'none' cannot be combined with other sources");
  }
  return sources.join(' ');
}

const defaultClientDir = resolve(import.meta.dirname, '../../client/dist');

export function loadConfig(
  argv: string[] = [],
  env: NodeJS.ProcessEnv = process.env,
): ServerConfig | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'owner-key': { type: 'string' },
      'max-payload': { type: 'string' },
      'max-document': { type: 'string' },
      'max-body': { type: 'string' },
      'conn-rate': { type: 'string' },
      'trust-proxy': { type: 'string' },
      'log-level': { type: 'string' },
      'client-dir': { type: 'string' },
      'frame-ancestors': { type: 'string' },
      'public-url': { type: 'string' },
      'sqlite-fsync': { type: 'string' },
      'database-url': { type: 'string' },
      'redis-url': { type: 'string' },
      'redis-prefix': { type: 'string' },
      'instance-id': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const logLevel = values['log-level'] ?? env.LOG_LEVEL ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`log level must be one of ${LOG_LEVELS.join(', ')}, got “${logLevel}”`);
  }
  const ownerKey = values['owner-key'] ?? env.FLOWMAP_OWNER_KEY;
  if (ownerKey !== undefined && ownerKey.length < 16) {
    throw new ConfigError('the owner key must be at least 16 characters');
  }
  const fsync = values['sqlite-fsync'] ?? env.SQLITE_FSYNC ?? 'on';
  if (fsync !== 'on' && fsync !== 'off') {
    throw new ConfigError(`SQLITE_FSYNC must be on or off, got “${fsync}”`);
  }
  const databaseUrl = values['database-url'] ?? env.DATABASE_URL;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const redisUrl = values['redis-url'] ?? env.REDIS_URL;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    throw new ConfigError('REDIS_URL must be a redis:// or rediss:// URL');
  }
  // Behind a load balancer any instance may answer an owner request: they need one shared key,
  // not one generated per data directory.
  if (redisUrl && !ownerKey) {
    throw new ConfigError(
      'several instances (REDIS_URL) need one shared owner key: set FLOWMAP_OWNER_KEY',
    );
  }
  const instanceId = values['instance-id'] ?? env.INSTANCE_ID ?? `${hostname()}-${process.pid}`;
  if (!/^[\w.:-]{1,128}$/.test(instanceId)) {
    throw new ConfigError('the instance id may use letters, digits and . _ : - (at most 128)');
  }
  return {
    port: integer('port', values.port ?? env.PORT, 4321),
    host: values.host ?? env.HOST ?? '127.0.0.1',
    dataDir: resolve(values['data-dir'] ?? env.DATA_DIR ?? 'data'),
    ownerKey: ownerKey || undefined,
    maxPayload: integer(
      'max payload',
      values['max-payload'] ?? env.MAX_PAYLOAD,
      2 * 1024 * 1024,
      1024,
    ),
    maxDocumentBytes: integer(
      'max document',
      values['max-document'] ?? env.MAX_DOCUMENT,
      16 * 1024 * 1024,
      16 * 1024,
    ),
    maxBodyBytes: integer('max body', values['max-body'] ?? env.MAX_BODY, 5 * 1024 * 1024, 1024),
    connectionsPerIpPerMinute: integer(
      'connection rate',
      values['conn-rate'] ?? env.CONN_RATE,
      120,
      1,
    ),
    trustProxyHops: integer('trusted proxy hops', values['trust-proxy'] ?? env.TRUST_PROXY, 0),
    logLevel: logLevel as ServerConfig['logLevel'],
    clientDir: resolve(values['client-dir'] ?? env.CLIENT_DIR ?? defaultClientDir),
    frameAncestors: frameAncestors(values['frame-ancestors'] ?? env.FRAME_ANCESTORS),
    publicUrl: values['public-url'] ?? env.PUBLIC_URL,
    databaseUrl: databaseUrl || undefined,
    redisUrl: redisUrl || undefined,
    redisPrefix: values['redis-prefix'] ?? env.REDIS_PREFIX ?? 'flowmap:',
    sqliteFsync: fsync === 'on',
    instanceId,
  };
}

/** A database or Redis URL fit for a log line or an error message: the password masked. */
export function redactCredentials(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparseable URL)';
  }
}
