// Collaborators' cursors on the state on screen: a coloured arrow with the person's name. They
// live in flow coordinates (inside the viewport) but are counter-scaled so they keep their size at
// every zoom level. Only this component re-renders when a cursor moves.
import { useStore, ViewportPortal } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useEditor } from '../store/editorStore.ts';

interface CursorView {
  clientId: number;
  name: string;
  colour: string;
  x: number;
  y: number;
}

function visibleCursors(): CursorView[] {
  const { peers, activeStateId } = useEditor.getState();
  const out: CursorView[] = [];
  for (const p of peers) {
    if (p.stateId !== activeStateId || !p.cursor) continue;
    out.push({ clientId: p.clientId, name: p.user.name, colour: p.user.colour, ...p.cursor });
  }
  return out;
}

export function Cursors() {
  // A flat list of primitives, so shallow comparison skips renders when nothing moved.
  const flat = useEditor(
    useShallow((s) => {
      const values: (string | number)[] = [];
      for (const p of s.peers) {
        if (p.stateId !== s.activeStateId || !p.cursor) continue;
        values.push(p.clientId, p.user.name, p.user.colour, p.cursor.x, p.cursor.y);
      }
      return values;
    }),
  );
  const zoom = useStore((s) => s.transform[2]);
  if (flat.length === 0) return null;
  const scale = 1 / zoom;
  return (
    <ViewportPortal>
      {visibleCursors().map((c) => (
        <div
          key={c.clientId}
          className="fm-cursor"
          style={{ transform: `translate(${c.x}px, ${c.y}px) scale(${scale})` }}
          aria-hidden="true"
        >
          <svg width="22" height="24" viewBox="0 0 22 24" aria-hidden="true">
            <path
              d="M2 2l7 19 3-8 8-3z"
              fill={c.colour}
              stroke="#fff"
              strokeWidth="1.6"
              strokeLinejoin="round"
            />
          </svg>
          <span className="fm-cursor-name" style={{ background: c.colour }}>
            {c.name}
          </span>
        </div>
      ))}
    </ViewportPortal>
  );
}
