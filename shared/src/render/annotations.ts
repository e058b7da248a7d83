// Annotations on the map: kaizen bursts (the improvement ideas, in the classic jagged burst) and
// sticky notes. Neither takes part in the flow; both are drawn above it.
import { NOTE_BOX, type NoteText } from './editorGeometry.ts';
import type { Rect } from './layout.ts';
import { KAIZEN_H, KAIZEN_W } from './layout.ts';
import { el, ellipsize, num, text, textLines, wrapText } from './svg.ts';
import { COLORS } from './theme.ts';
import { words } from './words.ts';

// sin(kπ/14) for k = 0…7. Math.sin and Math.cos are approximated differently by each JavaScript
// engine; a fixed table keeps the burst byte-identical whether the browser or the server draws it.
const SIN = [0, 0.2225, 0.4339, 0.6235, 0.7818, 0.901, 0.9749, 1] as const;

/** Unit vector k of 28, clockwise from straight up, from the table above. */
function direction(k: number): [number, number] {
  const q = k % 7;
  const s = SIN[q] ?? 0;
  const c = SIN[7 - q] ?? 0;
  // Quarter turns: (0,-1) → (1,0) → (0,1) → (-1,0).
  switch (Math.floor(k / 7) % 4) {
    case 0:
      return [s, -c];
    case 1:
      return [c, s];
    case 2:
      return [-s, c];
    default:
      return [-c, -s];
  }
}

/** A 14-spike burst inscribed in the ellipse of radii rx, ry around (cx, cy). */
export function burstPoints(cx: number, cy: number, rx: number, ry: number): string {
  const points: string[] = [];
  for (let k = 0; k < 28; k++) {
    const [dx, dy] = direction(k);
    // Alternating spike lengths give the hand-drawn burst look while staying deterministic.
    const f = k % 2 === 1 ? 0.76 : (k / 2) % 2 === 0 ? 1 : 0.9;
    points.push(`${num(cx + rx * f * dx)},${num(cy + ry * f * dy)}`);
  }
  return points.join(' ');
}

export function kaizenShape(r: Rect, v: { id: string; name: string }): string {
  const cx = r.x + KAIZEN_W / 2;
  const cy = r.y + KAIZEN_H / 2;
  const lines = wrapText(v.name, KAIZEN_W * 0.62, 13, 3, true);
  const block = 14 + lines.length * 16;
  const top = cy - block / 2;
  return el(
    'g',
    { class: 'kaizen', 'data-node-id': v.id },
    el('polygon', {
      points: burstPoints(cx, cy, KAIZEN_W / 2, KAIZEN_H / 2),
      fill: COLORS.kaizenFill,
      stroke: COLORS.kaizenStroke,
      'stroke-width': 2,
      'stroke-linejoin': 'round',
    }) +
      text(cx, top + 10, words()('node.kaizen'), {
        size: 11,
        weight: 'bold',
        fill: COLORS.kaizenStroke,
        anchor: 'middle',
      }) +
      textLines(cx, top + 27, lines, 16, {
        size: 13,
        weight: 'bold',
        fill: COLORS.text,
        anchor: 'middle',
      }),
  );
}

/** A sticky note as the editor draws it: its text wrapped at the editor's width, never cut. */
export function noteShape(r: Rect, v: { id: string; text: NoteText }): string {
  const { x, y } = r;
  const w = NOTE_BOX.width;
  const h = v.text.height;
  const fold = 14;
  const left = x + NOTE_BOX.border + NOTE_BOX.padX;
  // The first baseline sits where a 15 px line of 1.3 line height puts it under the padding.
  const first = y + NOTE_BOX.border + NOTE_BOX.padY + 15;
  const lastLine = first + Math.max(0, v.text.lines.length - 1) * NOTE_BOX.lineHeight;
  const teamY = lastLine + NOTE_BOX.teamGap + NOTE_BOX.teamLineHeight;
  const bodyY = (v.text.team ? teamY : lastLine) + NOTE_BOX.bodyGap + NOTE_BOX.bodyLineHeight;
  return el(
    'g',
    { class: 'note', 'data-node-id': v.id },
    el('path', {
      d: `M${num(x)},${num(y)} H${num(x + w)} V${num(y + h - fold)} L${num(x + w - fold)},${num(y + h)} H${num(x)} Z`,
      fill: COLORS.noteFill,
      stroke: COLORS.noteStroke,
      'stroke-width': 1,
    }) +
      el('polygon', {
        points: `${num(x + w)},${num(y + h - fold)} ${num(x + w - fold)},${num(y + h - fold)} ${num(x + w - fold)},${num(y + h)}`,
        fill: COLORS.noteFold,
        stroke: COLORS.noteStroke,
        'stroke-width': 1,
      }) +
      textLines(
        left,
        first,
        v.text.lines,
        NOTE_BOX.lineHeight,
        { size: NOTE_BOX.textSize, fill: COLORS.noteText },
        { class: 'note-text' },
      ) +
      (v.text.team
        ? text(
            left,
            teamY,
            ellipsize(v.text.team, w - 2 * NOTE_BOX.padX, NOTE_BOX.teamSize),
            { size: NOTE_BOX.teamSize, fill: COLORS.noteTeam },
            { class: 'note-team' },
          )
        : '') +
      textLines(
        left,
        bodyY,
        v.text.body,
        NOTE_BOX.bodyLineHeight,
        { size: NOTE_BOX.bodySize, fill: COLORS.noteText },
        { class: 'note-body' },
      ),
  );
}
