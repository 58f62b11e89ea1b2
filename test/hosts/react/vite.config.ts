import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npx vite` in this folder serves the app with the API proxied to a local reference server
// (`npm start` at the repository root listens on 8080).
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/v1': 'http://127.0.0.1:8080' } },
  preview: { proxy: { '/v1': 'http://127.0.0.1:8080' } },
});
