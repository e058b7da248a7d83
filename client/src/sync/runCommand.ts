// The one way the client runs a document command (from @flowmap/shared/doc) and learns why it was
// refused. Commands validate before they write; when the document changed underneath (a
// collaborator deleted the stage being edited, the map reached its state limit) they throw a
// ValidationError, and its message belongs in front of the person — a notice over the canvas, the
// error under a field — rather than in the console. Anything else is a bug and is thrown on.
import { ValidationError } from '@flowmap/shared';

/** What running a command did: its result, or the reason it was refused. */
export type CommandResult<T> = { ok: true; value: T } | { ok: false; error: string };

export function runCommand<T>(command: () => T): CommandResult<T> {
  try {
    return { ok: true, value: command() };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    // Commands list the decisive problem first; one line is what a notice or a field has room for.
    return { ok: false, error: error.problems[0]?.message ?? error.message };
  }
}
