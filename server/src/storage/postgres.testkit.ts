// Test helpers for the real PostgreSQL server (never a mock): a throwaway database per test file,
// dropped afterwards, so parallel test files never share tables. FLOWMAP_TEST_DATABASE_URL points
// at the server's maintenance database (default: postgres on 127.0.0.1 with trust auth, as
// `.ci/run` starts it). An unreachable server fails the test with a message saying so.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { redactCredentials } from '../config.ts';

export const TEST_DATABASE_URL =
  process.env.FLOWMAP_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  /** Connection string of the new, empty database. */
  url: string;
  name: string;
  drop(): Promise<void>;
}

export const randomSuffix = () => randomBytes(6).toString('hex');

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: TEST_DATABASE_URL,
    connectionTimeoutMillis: 5000,
  });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${redactCredentials(TEST_DATABASE_URL)} (${String(error)}); ` +
        'start it (.ci/run does) or set FLOWMAP_TEST_DATABASE_URL',
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates `flowmap_test_<random>` and returns its URL; `drop()` removes it (connections too). */
export async function createTestDatabase(prefix = 'flowmap_test'): Promise<TestDatabase> {
  const name = `${prefix}_${randomSuffix()}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
