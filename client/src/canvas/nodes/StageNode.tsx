// A process stage in VSM notation: the process box (name, team) with its data box underneath
// (lead time, process time, %C/A, stage efficiency). The process box is tinted by bottleneck heat;
// ranked bottlenecks wear a "#n" badge and quality bottlenecks a purple "Low C/A" mark.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { VsmNode } from '../elements.ts';
import { NodeName } from './NodeName.tsx';
import { PeerTags } from './PeerTags.tsx';
import { PipelineHandles } from './PipelineHandles.tsx';

function classes(data: VsmNode['data'], selected: boolean): string {
  let cls = `vsm-stage heat-${data.heat}`;
  if (data.critical) cls += ' is-critical';
  if (data.quality) cls += ' is-quality';
  if (selected) cls += ' is-selected';
  return cls;
}

export const StageNode = memo(function StageNode({ id, data, selected }: NodeProps<VsmNode>) {
  return (
    <div className={classes(data, selected)}>
      <PipelineHandles editable={data.editable} rework />
      <div className="vsm-process">
        <NodeName
          id={id}
          name={data.name}
          placeholder="Unnamed stage"
          className="vsm-stage-name"
          label="Stage name"
        />
        {data.team && <div className="vsm-stage-team">{data.team}</div>}
      </div>
      <dl className="vsm-databox">
        <div>
          <dt>LT</dt>
          <dd className={data.lt ? undefined : 'is-missing'}>{data.lt ?? '—'}</dd>
        </div>
        <div>
          <dt>PT</dt>
          <dd className={data.pt ? undefined : 'is-missing'}>{data.pt ?? '—'}</dd>
        </div>
        <div className={data.quality ? 'is-low' : undefined}>
          <dt>C/A</dt>
          <dd className={data.ca ? undefined : 'is-missing'}>{data.ca ?? '—'}</dd>
        </div>
        <div>
          <dt>Eff</dt>
          <dd className={data.eff ? undefined : 'is-missing'}>{data.eff ?? '—'}</dd>
        </div>
      </dl>
      {data.rank !== null && (
        <span className="vsm-badge" title={data.rankReason ?? undefined}>
          #{data.rank}
        </span>
      )}
      {data.quality && (
        <span className="vsm-quality-tag" title={data.quality}>
          Low C/A
        </span>
      )}
      <PeerTags peers={data.peers} />
    </div>
  );
});
