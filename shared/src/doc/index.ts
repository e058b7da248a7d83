// `@flowmap/shared/doc`: the Yjs binding of schema v1. Read the document with `readMap`; change it
// only through these commands, each one validated transaction with a typed origin.
export {
  connect,
  type EdgeInput,
  type EdgePatch,
  removeEdges,
  setEdgeKind,
  updateEdge,
} from './commands/edges.ts';
export { type AddedKaizen, addKaizen, type KaizenInput, linkKaizen } from './commands/kaizen.ts';
export {
  applyMeasurement,
  type MeasuredDora,
  type MeasurementInput,
  switchToEstimate,
  switchToMeasured,
} from './commands/measured.ts';
export { type MetaPatch, updateMeta } from './commands/meta.ts';
export {
  addNode,
  moveNodes,
  type NodeInput,
  type NodePatch,
  type NodePosition,
  type PasteResult,
  pasteNodes,
  type Removed,
  removeNodes,
  updateNode,
} from './commands/nodes.ts';
export { type RouteMode, setRouteMode, setRouteShare } from './commands/shares.ts';
export {
  type InsertedQueue,
  insertQueueOnEdge,
  type QueueInput,
  type Reconnection,
  type RemovedReconnecting,
  removeNodesReconnecting,
} from './commands/splice.ts';
export {
  addState,
  cloneStateAsFuture,
  type DoraPatch,
  removeState,
  renameState,
  reorderStates,
  type StateInput,
  type StatePatch,
  updateDora,
  updateState,
} from './commands/states.ts';
export {
  type CreateMapOptions,
  createMapDoc,
  hasMap,
  INITIAL_STATE_ID,
  initialiseBlankMap,
  writeMapToDoc,
} from './create.ts';
export { newId } from './ids.ts';
export {
  DORA_FIELDS,
  EDGE_FIELDS,
  META_FIELDS,
  NODE_FIELDS,
  ROOT,
  STATE_CHILDREN,
  STATE_FIELDS,
} from './keys.ts';
export { migrateDoc } from './migrate.ts';
export { isOrigin, ORIGINS, type Origin } from './origins.ts';
export { type ReadResult, readMap, readState, type StateReadResult } from './read.ts';
export { createUndoManager, type UndoOptions } from './undo.ts';
export { checkDocument, checkTransactionWrites, WriteRefusedError } from './writeGuard.ts';
