// Secrets: owner key and per-map tokens. 32 random bytes (256 bits) each, base64url so they travel
// in URLs unescaped. Compared in constant time so response timing leaks nothing about them.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function secretsEqual(given: string | undefined | null, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The instance owner key, as Jupyter does it: generated on first start and kept in the data
 * directory (mode 600) so restarts keep the same key; FLOWMAP_OWNER_KEY overrides it.
 */
export async function loadOwnerKey(
  dataDir: string,
  configured: string | undefined,
): Promise<{ key: string; created: boolean }> {
  if (configured) return { key: configured, created: false };
  const file = join(dataDir, 'owner-key');
  try {
    const key = (await readFile(file, 'utf8')).trim();
    if (key.length >= 16) return { key, created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const key = newSecret();
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return { key, created: true };
}

/** Reads `Authorization: Bearer <key>`. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
