// Builds the dev-only preview page (fake data) into a temp folder for screenshots.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: process.env.FOLIO_PREVIEW_OUT ?? '/tmp/folio-preview',
    emptyOutDir: true,
    rollupOptions: { input: fileURLToPath(new URL('./preview.html', import.meta.url)) },
  },
});
