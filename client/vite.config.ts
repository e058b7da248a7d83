import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // Zod and the one call that turns its eval probe off, in one chunk: every chunk that
              // builds a schema imports this one, so the switch runs before the first schema is
              // built. Left to automatic splitting, zod landed in a shared chunk that ran before
              // main.tsx's first import and the page's CSP reported the probe (see app/noEval.ts).
              name: 'validation',
              test: /[\\/]node_modules[\\/](?:\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?zod[\\/]|[\\/]noEval\.ts$/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:4321',
      '/sync': { target: 'ws://127.0.0.1:4321', ws: true },
    },
  },
});
