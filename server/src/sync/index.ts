// The sync core's public surface for the HTTP layer and the cluster fan-out.
export {
  type DocumentTail,
  type DocumentTailStorage,
  loadDocumentTail,
  loadLastSeqs,
  type SeqStorage,
} from './catchUp.ts';
export {
  type FanoutMembership,
  type FanoutRoom,
  LOCAL_ONLY,
  type RoomFanout,
} from './fanout.ts';
export { DEFAULT_LIMITS, resolveLimits, type SyncLimits } from './limits.ts';
export { SILENT_LOGGER, type SyncLogger } from './logger.ts';
export { type Access, NOOP_METRICS, type PersistenceOp, type SyncMetrics } from './metrics.ts';
export { CloseCode, type MessageKind } from './protocol.ts';
export { SERVER_ORIGIN } from './room.ts';
export {
  type ConnectionParams,
  isValidMapId,
  MAP_ID_PATTERN,
  RoomManager,
  type RoomManagerOptions,
  type SyncStats,
} from './rooms.ts';
