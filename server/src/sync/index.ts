// The sync core's public surface for the HTTP layer and the cluster fan-out.
export {
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
export { DEFAULT_LIMITS, frameLimit, resolveLimits, type SyncLimits } from './limits.ts';
export { SILENT_LOGGER, type SyncLogger } from './logger.ts';
export { CloseCode, type MessageKind } from './protocol.ts';
export { SERVER_ORIGIN, type SettledHook } from './room.ts';
export {
  type ConnectionParams,
  isValidMapId,
  MAP_ID_PATTERN,
  RoomManager,
  type RoomManagerOptions,
  type SyncStats,
} from './rooms.ts';
export {
  type Access,
  NOOP_TELEMETRY,
  type PersistenceOp,
  type SyncTelemetry,
} from './telemetry.ts';
