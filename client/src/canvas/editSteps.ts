// How a canvas action writes the document: every edit is one undo step, run through runCommand so
// a refusal becomes a short notice over the canvas, never a crash. A node added and then named in
// place is one undo step too ("add Build"), however long the typing took: until its rename ends,
// the undo manager keeps capturing into the add's step.
import { useEditor } from '../store/editorStore.ts';
import { type CommandResult, runCommand } from '../sync/runCommand.ts';
import type { MapSession } from '../sync/session.ts';
import { notify, useCanvasUi } from './canvasUi.ts';

/** A command's value, or undefined once its refusal is shown over the canvas. */
export function orNotice<T>(done: CommandResult<T>): T | undefined {
  if (done.ok) return done.value;
  notify(done.error);
  return undefined;
}

export type EditSteps = ReturnType<typeof createEditSteps>;

export function createEditSteps(session: MapSession) {
  const canEdit = () => useEditor.getState().access === 'edit';

  let namingNew: { id: string; timeout: number } | null = null;
  const endNaming = () => {
    if (!namingNew) return;
    session.undo.captureTimeout = namingNew.timeout;
    session.undo.stopCapturing();
    namingNew = null;
  };

  return {
    canEdit,

    /** Runs an edit as its own undo step (or, with `keepCapturing`, open to the next edit). */
    edit<T>(fn: (stateId: string) => T, keepCapturing = false): T | undefined {
      const stateId = useEditor.getState().activeStateId;
      if (!stateId || !canEdit()) return undefined;
      endNaming();
      session.undo.stopCapturing();
      try {
        return orNotice(runCommand(() => fn(stateId)));
      } finally {
        if (!keepCapturing) session.undo.stopCapturing();
      }
    },

    /** `id` was just added (by an edit kept capturing): its naming joins the add's undo step. */
    startNaming(id: string): void {
      namingNew = { id, timeout: session.undo.captureTimeout };
      session.undo.captureTimeout = Number.POSITIVE_INFINITY;
    },

    isNaming(id: string): boolean {
      return namingNew?.id === id;
    },

    endNaming,

    /** Ends the add-and-name undo step however the rename ends (Esc before the input showed…). */
    watchNaming(): () => void {
      return useCanvasUi.subscribe((ui) => {
        if (namingNew && ui.renamingId !== namingNew.id) endNaming();
      });
    },
  };
}
