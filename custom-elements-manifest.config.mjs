// Generates packages/elements/custom-elements.json from the elements' JSDoc (@summary @slot @event
// @csspart @cssproperty @cssstate). Storybook's controls, docs/elements/*.md tables and editors read it;
// scripts/cem-plugins.mjs makes it describe the published package (paths in dist/, definitions, tokens).
import { rightsKitPlugin } from './scripts/cem-plugins.mjs';

export default {
  globs: ['packages/elements/src/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.test.*.ts', '**/*.stories.ts', 'packages/elements/src/index.ts'],
  outdir: 'packages/elements',
  litelement: true,
  packagejson: false,
  plugins: [rightsKitPlugin()],
};
