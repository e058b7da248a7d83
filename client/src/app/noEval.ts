// Imported first by main.tsx, so it runs before any module builds a schema: the page's CSP
// forbids eval, and the validators must not even probe for it (see shared's model/noEval.ts).
import { validateWithoutEval } from '@flowmap/shared/noEval';

validateWithoutEval();
