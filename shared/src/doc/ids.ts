// Ids are created by whichever client adds an entity, with no coordination, so they must not
// collide and must not be guessable from one another (a view link must not hint at other ids).
// 14 characters from a 62-letter alphabet carry 83 bits. Letters and digits only: ids end up in
// URLs, DOM ids and file names, and are double-click selectable.
import { idSchema, LIMITS } from '../model/schema.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const RANDOM_LENGTH = 14;
// Bytes ≥ 248 are rejected so that every letter is equally likely (248 = 4 × 62).
const UNBIASED_LIMIT = 248;

interface RandomSource {
  getRandomValues<T extends Uint8Array>(array: T): T;
}

function randomSource(): RandomSource {
  const crypto = (globalThis as { crypto?: RandomSource }).crypto;
  if (!crypto || typeof crypto.getRandomValues !== 'function') {
    throw new Error('Flowmap needs globalThis.crypto.getRandomValues to create ids');
  }
  return crypto;
}

/** A fresh random id, optionally prefixed (`newId('n')` → "n_4fQ…"). */
export function newId(prefix = ''): string {
  if (prefix !== '' && !idSchema.safeParse(prefix).success) {
    throw new Error(`Id prefix “${prefix}” must use only letters, digits, - and _`);
  }
  const head = prefix === '' ? '' : `${prefix}_`;
  if (head.length + RANDOM_LENGTH > LIMITS.idLength) {
    throw new Error(`Id prefix “${prefix}” is too long`);
  }
  const crypto = randomSource();
  let out = head;
  const bytes = new Uint8Array(RANDOM_LENGTH * 2);
  while (out.length < head.length + RANDOM_LENGTH) {
    crypto.getRandomValues(bytes);
    for (const byte of bytes) {
      if (byte >= UNBIASED_LIMIT) continue;
      out += ALPHABET.charAt(byte % ALPHABET.length);
      if (out.length === head.length + RANDOM_LENGTH) break;
    }
  }
  return out;
}
