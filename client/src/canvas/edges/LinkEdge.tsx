// A kaizen burst's link to the stage it improves: a dotted line, no arrowhead, not part of the
// flow. Deleting it (select + Delete) unlinks the burst.
import { BaseEdge, type EdgeProps, getStraightPath } from '@xyflow/react';
import { memo } from 'react';
import type { VsmEdge } from '../types.ts';
import { PeerHalo } from './PeerHalo.tsx';

export const LinkEdge = memo(function LinkEdge(props: EdgeProps<VsmEdge>) {
  const [path] = getStraightPath({
    sourceX: props.sourceX,
    sourceY: props.sourceY,
    targetX: props.targetX,
    targetY: props.targetY,
  });
  return (
    <>
      <PeerHalo path={path} colour={props.data?.peerColour} />
      <BaseEdge id={props.id} path={path} className="vsm-link-path" interactionWidth={14} />
    </>
  );
});
