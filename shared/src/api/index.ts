// `@flowmap/shared/api`: the wire contract between the server and its clients.
export { CloseCode, type CloseCodeValue } from './closeCodes.ts';
export {
  type Access,
  isValidMapId,
  MAP_ID_PATTERN,
  type MapLinks,
  type MapSummary,
} from './maps.ts';
export type { SnapshotSummary } from './snapshots.ts';
