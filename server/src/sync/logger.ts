// The slice of pino the sync layer uses; a pino Logger satisfies it. Log objects carry ids and
// codes only: never tokens, never document content.

export interface SyncLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const noop = () => {};

export const SILENT_LOGGER: SyncLogger = Object.freeze({
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
});
