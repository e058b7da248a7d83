import { defineConfig } from 'vitest/config';

// One runner for the whole tree; each package owns its project config.
export default defineConfig({
  test: {
    projects: ['shared', 'server', 'client', 'e2e'],
  },
});
