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

/** A command's refusal shown on its own (under a title being edited, beside the tabs): a sentence. */
export function asSentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
