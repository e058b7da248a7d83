import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redactCredentials, type ServerConfig } from './config.ts';

const load = (argv: string[], env: NodeJS.ProcessEnv = {}) => loadConfig(argv, env) as ServerConfig;
const KEY = 'a-shared-owner-key-0123456789';

describe('configuration for several instances', () => {
  it('defaults to SQLite alone, named after the host and process', () => {
    const config = load([]);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.redisPrefix).toBe('flowmap:');
    expect(config.instanceId).toBe(`${hostname()}-${process.pid}`);
  });

  it('fsyncs SQLite unless told not to (SQLITE_FSYNC / --sqlite-fsync)', () => {
    expect(load([]).sqliteFsync).toBe(true);
    expect(load([], { SQLITE_FSYNC: 'off' }).sqliteFsync).toBe(false);
    expect(load(['--sqlite-fsync', 'on'], { SQLITE_FSYNC: 'off' }).sqliteFsync).toBe(true);
    expect(() => load([], { SQLITE_FSYNC: 'maybe' })).toThrow(/on or off/);
  });

  it('trusts no proxy unless told how many (TRUST_PROXY / --trust-proxy)', () => {
    expect(load([]).trustProxyHops).toBe(0);
    expect(load([], { TRUST_PROXY: '1' }).trustProxyHops).toBe(1);
    expect(load(['--trust-proxy', '2'], { TRUST_PROXY: '1' }).trustProxyHops).toBe(2);
    expect(() => load([], { TRUST_PROXY: 'yes' })).toThrow(ConfigError);
  });

  it("lets 'self' frame the editor unless told otherwise (FRAME_ANCESTORS / --frame-ancestors)", () => {
    expect(load([]).frameAncestors).toBe("'self'");
    expect(load([], { FRAME_ANCESTORS: '' }).frameAncestors).toBe("'self'");
    expect(load([], { FRAME_ANCESTORS: "'none'" }).frameAncestors).toBe("'none'");
    expect(
      load([], {
        FRAME_ANCESTORS: "  'self'   https://wiki.example.com  *.example.org:8443 https: ",
      }).frameAncestors,
    ).toBe("'self' https://wiki.example.com *.example.org:8443 https:");
    expect(
      load(['--frame-ancestors', 'https://a.example/path'], { FRAME_ANCESTORS: "'none'" })
        .frameAncestors,
    ).toBe('https://a.example/path');
  });

  it('refuses frame-ancestors values that would inject into the CSP header', () => {
    for (const value of [
      "'self'; script-src *",
      "'self', default-src *",
      "'self'\r\nSet-Cookie: x=1",
      "'self'\nfoo",
      "'unsafe-inline'",
      "'none' 'self'",
      'https://a.example/x;y',
      '"self"',
    ]) {
      expect(() => load([], { FRAME_ANCESTORS: value }), value).toThrow(ConfigError);
    }
  });

  it('reads PostgreSQL and Redis from the environment, flags first', () => {
    const env = {
      DATABASE_URL: 'postgres://u:pw@db:5432/flowmap',
      REDIS_URL: 'redis://cache:6379',
      REDIS_PREFIX: 'staging:',
      INSTANCE_ID: 'web-1',
      FLOWMAP_OWNER_KEY: KEY,
    };
    expect(load([], env)).toMatchObject({
      databaseUrl: 'postgres://u:pw@db:5432/flowmap',
      redisUrl: 'redis://cache:6379',
      redisPrefix: 'staging:',
      instanceId: 'web-1',
    });
    expect(
      load(['--instance-id', 'web-2', '--redis-url', 'rediss://other:6380'], env),
    ).toMatchObject({ instanceId: 'web-2', redisUrl: 'rediss://other:6380' });
  });

  it('refuses Redis without a shared owner key, wrong schemes and odd instance ids', () => {
    expect(() => load([], { REDIS_URL: 'redis://cache:6379' })).toThrow(/FLOWMAP_OWNER_KEY/);
    expect(() => load([], { DATABASE_URL: 'mysql://db/x' })).toThrow(ConfigError);
    expect(() => load([], { REDIS_URL: 'http://cache', FLOWMAP_OWNER_KEY: KEY })).toThrow(
      /redis:\/\//,
    );
    expect(() => load(['--instance-id', 'has space'])).toThrow(/instance id/);
  });

  it('masks passwords in URLs it prints', () => {
    expect(redactCredentials('postgres://flowmap:s3cret@db:5432/x')).toBe(
      'postgres://flowmap:***@db:5432/x',
    );
    expect(redactCredentials('redis://cache:6379')).toBe('redis://cache:6379');
    expect(redactCredentials('not a url')).toBe('(unparseable URL)');
  });
});
