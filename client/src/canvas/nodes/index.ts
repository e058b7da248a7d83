// Node components by document node type. Defined once at module level: a new object on each
// render would make React Flow re-mount every node.
import type { NodeTypes } from '@xyflow/react';
import { KaizenNode } from './KaizenNode.tsx';
import { NoteNode } from './NoteNode.tsx';
import { QueueNode } from './QueueNode.tsx';
import { StageNode } from './StageNode.tsx';
import { EndNode, StartNode } from './TerminalNode.tsx';

export const nodeTypes = {
  stage: StageNode,
  start: StartNode,
  end: EndNode,
  kaizen: KaizenNode,
  note: NoteNode,
  queue: QueueNode,
} satisfies NodeTypes;
