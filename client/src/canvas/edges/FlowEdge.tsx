// A flow arrow: work moving downstream. Thicker and darker on the critical path (class set by
// the derivation on the edge's wrapper). An either/or route shows its share on the arrow ("80%"),
// and when the arrow is selected or hovered a "+" over its middle puts a queue on it.
import {
  BaseEdge,
  EdgeLabelRenderer,
  type EdgeProps,
  getBezierPath,
  useStore,
} from '@xyflow/react';
import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCanvasActions } from '../ActionsContext.ts';
import { shortcutHint } from '../shortcuts.ts';
import type { VsmEdge } from '../types.ts';
import { EdgeKindToolbar } from './EdgeKindToolbar.tsx';
import { PeerHalo } from './PeerHalo.tsx';

/** How long the "+" stays after the pointer leaves the arrow, so it can be reached. */
const HOVER_GRACE_MS = 250;
/**
 * How far above the arrow the "+" floats, in screen pixels (above its share label when it has
 * one): never on the arrow itself, or a click meant to select the arrow would insert a queue.
 */
const PLUS_RAISE = 20;
const PLUS_RAISE_OVER_LABEL = 36;

/** Whether the pointer is on the arrow or its "+", forgiving the short trip between the two. */
function useHover() {
  const [hovered, setHovered] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const enter = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setHovered(true);
  };
  const leave = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setHovered(false), HOVER_GRACE_MS);
  };
  return { hovered, enter, leave };
}

function InsertQueueButton({
  edgeId,
  x,
  y,
  raise,
  hover,
}: {
  edgeId: string;
  x: number;
  y: number;
  /** Screen pixels above (x, y). */
  raise: number;
  hover: ReturnType<typeof useHover>;
}) {
  const { t } = useTranslation('canvas');
  const actions = useCanvasActions();
  // Zoomed out (a whole map on screen) the button keeps its size on screen, so it can be hit.
  const scale = useStore((s) => Math.max(1, 1 / s.transform[2]));
  const top = y - raise * scale;
  return (
    <button
      type="button"
      className="vsm-edge-plus nodrag nopan"
      style={{ transform: `translate(-50%, -50%) translate(${x}px, ${top}px) scale(${scale})` }}
      aria-label={t('edge.insertQueue')}
      title={`${t('edge.insertQueue')} (${shortcutHint('insertQueue')})`}
      onMouseEnter={hover.enter}
      onMouseLeave={hover.leave}
      onClick={(event) => {
        event.stopPropagation();
        actions.insertQueue(edgeId);
      }}
    >
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path d="M8 2.5v11M2.5 8h11" />
      </svg>
    </button>
  );
}

export const FlowEdge = memo(function FlowEdge(props: EdgeProps<VsmEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = props;
  const hover = useHover();
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    sourcePosition,
    targetX,
    targetY,
    targetPosition,
  });
  const amount = props.data?.amount ?? null;
  const editable = props.data?.editable === true;
  const showPlus = editable && (props.selected === true || hover.hovered);
  return (
    <>
      <PeerHalo path={path} colour={props.data?.peerColour} />
      {/* biome-ignore lint/a11y/noStaticElementInteractions: hover only shows the "+" early; the keyboard selects the arrow (which shows it too) and presses Q. */}
      <g onMouseEnter={hover.enter} onMouseLeave={hover.leave}>
        <BaseEdge
          id={id}
          path={path}
          {...(props.markerEnd ? { markerEnd: props.markerEnd } : {})}
          className="vsm-flow-path"
          interactionWidth={18}
        />
      </g>
      {(amount !== null || showPlus) && (
        <EdgeLabelRenderer>
          {amount !== null && (
            <div
              className="vsm-edge-share"
              style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            >
              {amount}
            </div>
          )}
          {showPlus && (
            <InsertQueueButton
              edgeId={id}
              x={labelX}
              y={labelY}
              raise={amount !== null ? PLUS_RAISE_OVER_LABEL : PLUS_RAISE}
              hover={hover}
            />
          )}
        </EdgeLabelRenderer>
      )}
      {props.selected && editable && (
        <EdgeKindToolbar edgeId={id} kind="flow" x={labelX} y={labelY + 16} />
      )}
    </>
  );
});
