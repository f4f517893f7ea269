// Vite builds the app into web/dist, which `ansinh serve` serves beside the API. JSX goes through
// esbuild's automatic runtime for Preact, so no framework plugin (and no Babel) is needed.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  base: './',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    // ECharts is the bulk of the bundle even when only the charts used are imported.
    chunkSizeWarningLimit: 900,
    reportCompressedSize: false,
  },
  server: {
    // `npm run dev` with `ansinh serve` on :8080 beside it.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
