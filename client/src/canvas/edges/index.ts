// Edge components by document edge kind, defined once at module level (see nodes/index.ts).
import type { EdgeTypes } from '@xyflow/react';
import { FlowEdge } from './FlowEdge.tsx';
import { LinkEdge } from './LinkEdge.tsx';
import { ReworkEdge } from './ReworkEdge.tsx';

export const edgeTypes = {
  flow: FlowEdge,
  link: LinkEdge,
  rework: ReworkEdge,
} satisfies EdgeTypes;
