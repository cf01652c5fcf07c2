/**
 * The UI's build and dev server. `npm run build:web` writes web/dist, which the local stack serves at
 * `/`; `npm run dev` serves the sources with hot reload and proxies the API, the identity provider
 * and `/config.json` to the stack running on port 3000 (`npm start`).
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = import.meta.dirname;
const stack = process.env.STACK_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: here,
  publicDir: resolve(here, 'public'),
  plugins: [react()],
  resolve: {
    // The UI may import the zod contracts and nothing else from lib/ (docs/design.md, layout).
    alias: { '@contracts': resolve(here, '../lib/contracts') },
  },
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: stack, changeOrigin: false },
      '/idp': { target: stack, changeOrigin: false },
      '/config.json': { target: stack, changeOrigin: false },
    },
  },
});
