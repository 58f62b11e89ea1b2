// Development server for element playground pages (packages/elements/dev/*.html): TypeScript compiled
// on the fly, bare imports resolved. `npx wds --config web-dev-server.config.mjs --open packages/elements/dev/`
import { esbuildPlugin } from '@web/dev-server-esbuild';

export default {
  nodeResolve: { exportConditions: ['browser', 'production'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.base.json', target: 'es2022' })],
};
