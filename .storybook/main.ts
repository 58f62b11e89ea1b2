import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts', '../stories/**/*.mdx'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  staticDirs: [{ from: '../packages/elements', to: '/manifest' }],
  async viteFinal(viteConfig) {
    // Pin the transform target and keep legacy decorators with define-less class fields, as in
    // every other tool of the repo: native class fields would shadow Lit's reactive accessors.
    return {
      ...viteConfig,
      esbuild: { target: 'es2022', tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } } },
      oxc: { target: 'es2022', decorator: { legacy: true }, typescript: { removeClassFieldsWithoutInitializer: true } },
      build: { ...viteConfig.build, target: 'es2022', chunkSizeWarningLimit: 2000 },
    } as typeof viteConfig;
  },
};
export default config;
