// Validation without eval, for pages under a Content-Security-Policy that forbids it (the editor's:
// `script-src 'self'`). Zod compiles faster object parsers with `new Function` where it may, and
// finds out by calling `Function('')` as each object schema is built: under the CSP that probe is
// refused, caught and falls back, but the browser still reports a CSP violation. Saying so up
// front keeps the violation log meaningful; results are the same, only parsing is interpreted.
// Its own entry point (`@flowmap/shared/noEval`), importing nothing but zod, because it must run
// before the schemas are built (schema.ts builds them on import). The server, which has no CSP,
// keeps the compiled parsers.
import { z } from 'zod';

export function validateWithoutEval(): void {
  z.config({ jitless: true });
}
