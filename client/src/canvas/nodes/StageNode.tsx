// A process stage in VSM notation: the process box (name, team) with its data box underneath
// (lead time, process time, %C/A, stage efficiency). The process box is tinted by bottleneck heat;
// ranked bottlenecks wear a "#n" badge and quality bottlenecks a purple "Low C/A" mark. A step
// another organisation does stands under the VSM outside-source roof; measured times wear a
// "measured" badge, and a three-point range shows under LT.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { VsmNode } from '../types.ts';
import { MeasuredFigures } from './MeasuredFigures.tsx';
import { NodeName } from './NodeName.tsx';
import { OutsideRoof } from './OutsideRoof.tsx';
import { PeerTags } from './PeerTags.tsx';
import { PipelineHandles } from './PipelineHandles.tsx';
import './stageV2.css';

function classes(data: VsmNode['data'], selected: boolean): string {
  let cls = `vsm-stage heat-${data.heat}`;
  if (data.critical) cls += ' is-critical';
  if (data.quality) cls += ' is-quality';
  if (!data.counted) cls += ' is-not-counted';
  if (data.outside) cls += ' is-outside';
  if (selected) cls += ' is-selected';
  return cls;
}

export const StageNode = memo(function StageNode({ id, data, selected }: NodeProps<VsmNode>) {
  const { t } = useTranslation('canvas');
  return (
    <div className={classes(data, selected)}>
      {data.outside && <OutsideRoof />}
      <PipelineHandles editable={data.editable} rework />
      <div className="vsm-process">
        <NodeName
          id={id}
          name={data.name}
          placeholder={t('node.unnamedStage')}
          className="vsm-stage-name"
          label={t('node.stageName')}
        />
        {data.team && <div className="vsm-stage-team">{data.team}</div>}
      </div>
      <dl className="vsm-databox">
        <div className={data.range ? 'has-range' : undefined}>
          <dt>LT</dt>
          <dd className={data.lt ? undefined : 'is-missing'}>{data.lt ?? '—'}</dd>
          {data.range && (
            <dd className="vsm-range" title={t('node.rangeTip')}>
              {data.range}
            </dd>
          )}
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
          <dt>{t('node.efficiency')}</dt>
          <dd className={data.eff ? undefined : 'is-missing'}>{data.eff ?? '—'}</dd>
        </div>
      </dl>
      <MeasuredFigures id={id} />
      {data.rank !== null && (
        <span className="vsm-badge" title={data.rankReason ?? undefined}>
          #{data.rank}
        </span>
      )}
      {data.quality && (
        <span className="vsm-quality-tag" title={data.quality}>
          {t('legend.lowCA')}
        </span>
      )}
      {data.busy && (
        <span className="vsm-busy-tag" title={data.busy}>
          {t('node.overCapacity')}
        </span>
      )}
      {data.measured && (
        <span className="vsm-measured-tag" title={t('node.measuredTip')}>
          {t('legend.measuredTag')}
        </span>
      )}
      {!data.counted && <span className="vsm-not-counted">{t('node.notCounted')}</span>}
      <PeerTags peers={data.peers} />
    </div>
  );
});
