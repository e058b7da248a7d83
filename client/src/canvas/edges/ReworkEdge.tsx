// A rework arrow: a dashed curve under the row, from the step that finds the problem back to the
// step that has to redo the work, labelled so nobody mistakes it for flow, with the share of the
// items it sends back when the map says ("rework 20%").
import { BaseEdge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { VsmEdge } from '../types.ts';
import { EdgeKindToolbar } from './EdgeKindToolbar.tsx';
import { PeerHalo } from './PeerHalo.tsx';
import { reworkPath } from './paths.ts';

const LABEL_STYLE = { fontSize: 14, fontWeight: 600, fill: '#c62828' } as const;
const LABEL_BG = { fill: '#ffffff', fillOpacity: 0.95 } as const;
const LABEL_PADDING: [number, number] = [6, 3];

export const ReworkEdge = memo(function ReworkEdge(props: EdgeProps<VsmEdge>) {
  const { id, sourceX, sourceY, targetX, targetY } = props;
  const { t } = useTranslation('canvas');
  const [path, labelX, labelY] = reworkPath(sourceX, sourceY, targetX, targetY);
  return (
    <>
      <PeerHalo path={path} colour={props.data?.peerColour} />
      <BaseEdge
        id={id}
        path={path}
        {...(props.markerEnd ? { markerEnd: props.markerEnd } : {})}
        className="vsm-rework-path"
        interactionWidth={18}
        label={
          props.data?.amount
            ? t('edge.reworkAmount', { amount: props.data.amount })
            : t('edge.reworkLabel')
        }
        labelX={labelX}
        labelY={labelY}
        labelStyle={LABEL_STYLE}
        labelShowBg
        labelBgStyle={LABEL_BG}
        labelBgPadding={LABEL_PADDING}
        labelBgBorderRadius={4}
      />
      {props.selected && props.data?.editable && (
        <EdgeKindToolbar edgeId={id} kind="rework" x={labelX} y={labelY + 18} />
      )}
    </>
  );
});
