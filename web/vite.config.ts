import { defineConfig } from 'vite';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

// The UI is served by `covalue serve --web build/web/dist`; WEB_OUT_DIR overrides where it goes.
const outDir = process.env.WEB_OUT_DIR ?? resolve(here, '../build/web/dist');
// During `npm run dev`, /api goes to a running `covalue serve` (COVALUE_API, default port 8080).
const apiTarget = process.env.COVALUE_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 400,
  },
  server: { host: '127.0.0.1', proxy: { '/api': apiTarget } },
});
