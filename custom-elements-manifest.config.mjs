// Generates packages/elements/custom-elements.json from the elements' JSDoc (@summary @slot @event
// @csspart @cssproperty @cssstate). Storybook's controls, docs/elements/*.md tables and editors read it.

/**
 * Our registration files call `RightsElement.define('rights-x', RightsX)` (a safe define that warns on a
 * second copy), which the analyzer does not recognise as `customElements.define`. This plugin reads
 * those calls and gives each class its tag name.
 */
function rightsDefinePlugin() {
  const tags = new Map();
  return {
    name: 'rights-kit-define',
    analyzePhase({ ts, node }) {
      if (!ts.isCallExpression(node)) return;
      const callee = node.expression;
      if (!ts.isPropertyAccessExpression(callee) || callee.name.getText() !== 'define') return;
      const [tag, ctor] = node.arguments;
      if (tag && ctor && ts.isStringLiteral(tag) && ts.isIdentifier(ctor)) tags.set(ctor.getText(), tag.text);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          const tag = tags.get(declaration.name);
          if (tag) {
            declaration.tagName = tag;
            declaration.customElement = true;
          }
          // The analyzer guesses an event from every `dispatchEvent(new SomeEvent(x))` and names it after
          // the argument; our events are the documented `@event rights-*` tags, so drop those guesses.
          if (declaration.events) {
            declaration.events = declaration.events.filter((event) => event.name?.startsWith('rights-') || event.description);
          }
        }
      }
    },
  };
}

export default {
  globs: ['packages/elements/src/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts', 'packages/elements/src/index.ts'],
  outdir: 'packages/elements',
  litelement: true,
  packagejson: false,
  plugins: [rightsDefinePlugin()],
};
