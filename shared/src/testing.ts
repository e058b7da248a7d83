// Fixtures for tests and benchmarks across the workspace (`@flowmap/shared/testing`): never
// imported by application code.
export { templateWithFuture } from './export/testing.ts';
export * as measureLogs from './measure/testing.ts';
