// Runs a document command on behalf of a field. Fields validate before writing, but the document
// can change underneath (a collaborator deletes the stage being edited): the command then refuses
// with a ValidationError, and its message belongs next to the field rather than in the console.
import { ValidationError } from '@flowmap/shared';
import type { CommitOutcome } from './CommitField.tsx';

export function runCommand(write: () => void, text: string): CommitOutcome {
  try {
    write();
    return { ok: true, text };
  } catch (error) {
    if (error instanceof ValidationError) {
      return { ok: false, error: error.problems[0]?.message ?? error.message };
    }
    throw error;
  }
}
