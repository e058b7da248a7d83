#!/usr/bin/env node
// `pnpm flowmap …` resolves to this bin (pnpm's exec fallback), which prints nothing of its own on
// stdout — unlike a root package script, whose banner would corrupt `pnpm flowmap template > map.json`.
// tsx compiles the TypeScript sources on the fly, so the CLI needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/run.ts');
