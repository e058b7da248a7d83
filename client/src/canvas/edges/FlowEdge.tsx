// A flow arrow: work moving downstream. Thicker and darker on the critical path (class set by
// the derivation on the edge's wrapper).
import { BaseEdge, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import type { VsmEdge } from '../elements.ts';
import { EdgeKindToolbar } from './EdgeKindToolbar.tsx';
import { PeerHalo } from './PeerHalo.tsx';

export const FlowEdge = memo(function FlowEdge(props: EdgeProps<VsmEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = props;
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    sourcePosition,
    targetX,
    targetY,
    targetPosition,
  });
  return (
    <>
      <PeerHalo path={path} colour={props.data?.peerColour} />
      <BaseEdge
        id={id}
        path={path}
        {...(props.markerEnd ? { markerEnd: props.markerEnd } : {})}
        className="vsm-flow-path"
        interactionWidth={18}
      />
      {props.selected && props.data?.editable && (
        <EdgeKindToolbar edgeId={id} kind="flow" x={labelX} y={labelY + 16} />
      )}
    </>
  );
});
