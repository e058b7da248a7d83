// The pure domain: no Yjs, no React, no I/O. The Yjs binding is `@flowmap/shared/doc`.
export * from './export/index.ts';
export * from './forecast/index.ts';
export * from './metrics/index.ts';
export * from './model/durations.ts';
export * from './model/migrations.ts';
export * from './model/schema.ts';
export * from './model/shares.ts';
export * from './model/templates.ts';
export * from './model/types.ts';
export * from './render/index.ts';
