import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [
    vue({
      // <rights-*> are custom elements, not Vue components: leave them to the browser.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('rights-') } },
    }),
  ],
  // `npx vite` in this folder proxies the API to a local reference server (`npm start` at the root).
  server: { proxy: { '/v1': 'http://127.0.0.1:8080' } },
  preview: { proxy: { '/v1': 'http://127.0.0.1:8080' } },
});
