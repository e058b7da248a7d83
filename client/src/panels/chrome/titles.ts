// The rules a map or state name must follow in the UI, on top of the schema's length limit: the
// schema accepts an empty string, but a map called "" is impossible to find in the library.
import { LIMITS } from '@flowmap/shared';

export function checkTitle(raw: string, what: 'map title' | 'state name'): string | null {
  const value = raw.trim();
  if (value === '') return `The ${what} cannot be empty.`;
  if (value.length > LIMITS.nameLength) {
    return `Use at most ${LIMITS.nameLength} characters (this one has ${value.length}).`;
  }
  return null;
}

/** The message of an error thrown by a command (a ValidationError lists its problems). */
export function errorMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'problems' in error && Array.isArray(error.problems)) {
    const messages = (error.problems as { message?: unknown }[])
      .map((p) => (typeof p.message === 'string' ? p.message : ''))
      .filter((m) => m !== '');
    if (messages.length > 0) {
      const text = messages.join('; ');
      return text.charAt(0).toUpperCase() + text.slice(1);
    }
  }
  return error instanceof Error ? error.message : 'That did not work.';
}
