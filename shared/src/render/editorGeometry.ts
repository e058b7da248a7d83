// The editor's geometry, for exports that must place things where the editor shows them. The
// values are the editor's (client/src/canvas/nodes/sizes.ts, whose sizes the node CSS keeps; the
// sticky note from shapes.css .vsm-note: 180 px wide, at least 90 px tall, border-box with 10 px
// × 12 px padding, its text at 15 px with 1.3 line height, its team 6 px below it at 14 px).
// A pure copy rather than an import: shared may not depend on the client.
import type { NodeType } from '../model/types.ts';
import { wrapText } from './svg.ts';

export interface Size {
  w: number;
  h: number;
}

/** Each node's footprint in the editor before React Flow measures it (canvas units). */
export const EDITOR_SIZES: Record<NodeType, Size> = {
  stage: { w: 210, h: 150 },
  start: { w: 180, h: 72 },
  end: { w: 180, h: 72 },
  kaizen: { w: 200, h: 130 },
  note: { w: 180, h: 90 },
  queue: { w: 120, h: 110 },
};

/** The sticky note as the editor draws it. */
export const NOTE_BOX = {
  width: 180,
  minHeight: 90,
  padX: 12,
  padY: 10,
  border: 1,
  textSize: 15,
  lineHeight: 19.5,
  teamGap: 6,
  teamSize: 14,
  teamLineHeight: 17,
  /** The export adds the note's longer notes (the inspector's field) under its text. */
  bodySize: 12,
  bodyLineHeight: 15,
  bodyGap: 6,
} as const;

/** A note's longer notes are shown up to this many lines, the last one ellipsised. */
const MAX_BODY_LINES = 40;

/** Longest a note's text can wrap to: the schema's 200-character name at a few characters a line. */
const MAX_NOTE_LINES = 60;

export interface NoteText {
  /** The note's text, wrapped as in the editor (its line breaks kept), never cut. */
  lines: string[];
  team: string;
  /** The note's longer notes, wrapped: the export shows them too, under the text. */
  body: string[];
  /** Height of the note as the editor draws it (its text and team). */
  editorHeight: number;
  /** Height of the note as the export draws it: the editor's, and the notes under it. */
  height: number;
}

/** Wraps a sticky's text at the editor's width; its height follows the text as in the editor. */
export function noteText(name: string, team: string, notes = ''): NoteText {
  const room = NOTE_BOX.width - 2 * NOTE_BOX.padX - 2 * NOTE_BOX.border;
  const lines = name
    .split(/\r?\n/)
    .flatMap((paragraph) => {
      const wrapped = wrapText(paragraph, room, NOTE_BOX.textSize, MAX_NOTE_LINES);
      return wrapped.length > 0 ? wrapped : [''];
    })
    .slice(0, MAX_NOTE_LINES);
  const shown = lines.every((l) => l === '') ? [] : lines;
  const teamLine = team.trim();
  const content =
    Math.max(1, shown.length) * NOTE_BOX.lineHeight +
    (teamLine ? NOTE_BOX.teamGap + NOTE_BOX.teamLineHeight : 0);
  const frame = 2 * NOTE_BOX.padY + 2 * NOTE_BOX.border;
  const editorHeight = Math.max(NOTE_BOX.minHeight, content + frame);
  const body = wrapText(notes, room, NOTE_BOX.bodySize, MAX_BODY_LINES);
  const withBody =
    content + (body.length > 0 ? NOTE_BOX.bodyGap + body.length * NOTE_BOX.bodyLineHeight : 0);
  const height = Math.max(NOTE_BOX.minHeight, withBody + frame);
  return { lines: shown, team: teamLine, body, editorHeight, height };
}
