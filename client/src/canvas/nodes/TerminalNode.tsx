// The two ends of the value stream: the trigger that starts a change (a rounded pill with a play
// mark) and the customer/production that receives it (the VSM factory icon, sawtooth roof).
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { VsmNode } from '../elements.ts';
import { NodeName } from './NodeName.tsx';
import { PeerTags } from './PeerTags.tsx';
import { PipelineHandles } from './PipelineHandles.tsx';

function Roof() {
  return (
    <svg className="vsm-roof" viewBox="0 0 180 20" preserveAspectRatio="none" aria-hidden="true">
      <polygon points="1,20 1,4 30,14 30,4 60,14 60,4 90,14 90,20" />
      <rect x="128" y="1" width="16" height="19" />
    </svg>
  );
}

export const StartNode = memo(function StartNode({ id, data, selected }: NodeProps<VsmNode>) {
  return (
    <div className={`vsm-terminal vsm-start${selected ? ' is-selected' : ''}`}>
      <PipelineHandles editable={data.editable} rework />
      <span className="vsm-start-mark" aria-hidden="true">
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path d="M4 2.5v11l9-5.5z" fill="currentColor" />
        </svg>
      </span>
      <div className="vsm-terminal-text">
        <div className="vsm-terminal-kind">Start</div>
        <NodeName
          id={id}
          name={data.name}
          placeholder="Trigger"
          className="vsm-terminal-name"
          label="Start name"
        />
      </div>
      <PeerTags peers={data.peers} />
    </div>
  );
});

export const EndNode = memo(function EndNode({ id, data, selected }: NodeProps<VsmNode>) {
  return (
    <div className={`vsm-terminal vsm-end${selected ? ' is-selected' : ''}`}>
      <Roof />
      <PipelineHandles editable={data.editable} rework />
      <div className="vsm-end-body">
        <div className="vsm-terminal-kind">Customer</div>
        <NodeName
          id={id}
          name={data.name}
          placeholder="Customer"
          className="vsm-terminal-name"
          label="End name"
        />
      </div>
      <PeerTags peers={data.peers} />
    </div>
  );
});
