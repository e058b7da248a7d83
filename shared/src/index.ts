// The pure domain: no Yjs, no React, no I/O. The Yjs binding is `@flowmap/shared/doc`.
export * from './model/types.ts';
export * from './model/durations.ts';
export * from './model/schema.ts';
export * from './model/migrations.ts';
