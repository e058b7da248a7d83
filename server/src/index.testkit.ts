// The `@flowmap/server/testing` entry: what code outside this package (the benchmarks) needs to
// drive a real server from outside — its test clients and harnesses, throwaway databases, and the
// protocol encoders and id makers a raw client needs — so it never imports `server/src` by path.
// Tests inside the server import the testkit beside the code they test instead.
export { newSecret } from './auth/secrets.ts';
export {
  assertRedisReachable,
  type ChildInstance,
  createMap,
  OWNER_KEY as CLUSTER_OWNER_KEY,
  startChildInstance,
  testPrefix,
} from './cluster/cluster.testkit.ts';
export { connectMap, type MapClient } from './http/harness.testkit.ts';
export { newMapId } from './maps/service.ts';
export { createTestDatabase, type TestDatabase } from './storage/postgres.testkit.ts';
export { loadStoredDoc, RawClient, waitFor } from './sync/clients.testkit.ts';
export {
  encodeAwarenessMessage,
  encodeAwarenessUpdate,
  encodeSyncStep1,
  encodeSyncStep2,
  MESSAGE_SYNC,
  SYNC_STEP1,
  SYNC_STEP2,
} from './sync/protocol.ts';
