// Plugins for @custom-elements-manifest/analyzer that make packages/elements/custom-elements.json describe
// the PUBLISHED package (issue #20.3): paths into dist/, a custom-element-definition export per tag, the
// type of every event, and every CSS custom property an element reads — the shared theme tokens included.
// The facts come from the sources they already live in (the define() calls, events.ts's event map,
// theme.styles.ts's token table), so nothing here has to be kept in step by hand.
import { readFileSync, readdirSync } from 'node:fs';
import { posix } from 'node:path';

const SRC = 'packages/elements/src/';

/** `packages/elements/src/a/b.ts`, `/packages/elements/src/a/b.js` or `../c.js` (seen from `from`) → `dist/a/b.js`. */
export function toDist(path, from = SRC) {
  let p = path.replace(/^\//, '');
  if (p.startsWith('.')) p = posix.normalize(posix.join(posix.dirname(from.replace(/^dist\//, SRC)), p));
  if (!p.startsWith(SRC)) return path;
  return 'dist/' + p.slice(SRC.length).replace(/\.ts$/, '.js');
}

/** The `'rights-x': RightsXEvent;` entries of GlobalEventHandlersEventMap in events.ts. */
export function eventTypes(source) {
  const block = /interface GlobalEventHandlersEventMap\s*{([^}]*)}/.exec(source)?.[1] ?? '';
  return new Map([...block.matchAll(/'([a-z-]+)':\s*(\w+);/g)].map((m) => [m[1], m[2]]));
}

/** The token table in theme.styles.ts's doc comment: `--rights-x   default   description`. */
export function themeTokens(source) {
  const comment = /\/\*\*([\s\S]*?)\*\/\s*export const hostStyles/.exec(source)?.[1] ?? '';
  const tokens = [];
  for (const line of comment.split('\n')) {
    const m = /\*\s+(--rights-[a-z-]+)\s+(.*)$/.exec(line);
    if (!m) continue;
    // A row is `name  default  what it colours or sizes`.
    const [value, ...rest] = m[2].trim().split(/\s{2,}/);
    const what = rest.join(' ');
    tokens.push({ name: m[1], default: value, description: `Theme token: ${what.charAt(0).toUpperCase()}${what.slice(1)}. See docs/theming.md.` });
  }
  return tokens;
}

/** The fallback a component's own styles give a custom property: `var(--rights-x, 2rem)` → `2rem`. */
function fallbacks(source) {
  const found = new Map();
  // The first fallback is the default; later ones are variants (`compact`, a breakpoint).
  for (const m of source.matchAll(/var\(\s*(--rights-[a-z-]+)\s*,\s*([^()]+?)\s*\)/g)) if (!found.has(m[1])) found.set(m[1], m[2]);
  return found;
}

export function rightsKitPlugin({ root = '.' } = {}) {
  const tags = new Map(); // class name → tag
  const definedIn = new Map(); // class name → module path where define() runs
  const read = (file) => readFileSync(posix.join(root, file), 'utf8');
  return {
    name: 'rights-kit',
    analyzePhase({ ts, node, moduleDoc }) {
      // Our registration files call `RightsElement.define('rights-x', RightsX)` (a safe define that warns
      // on a second copy), which the analyzer does not recognise as customElements.define.
      if (!ts.isCallExpression(node)) return;
      const callee = node.expression;
      if (!ts.isPropertyAccessExpression(callee) || callee.name.getText() !== 'define') return;
      const [tag, ctor] = node.arguments;
      if (tag && ctor && ts.isStringLiteral(tag) && ts.isIdentifier(ctor)) {
        tags.set(ctor.getText(), tag.text);
        definedIn.set(ctor.getText(), moduleDoc.path);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const events = eventTypes(read(`${SRC}events/events.ts`));
      const tokens = themeTokens(read(`${SRC}base/theme.styles.ts`));
      const declaredIn = new Map();
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          const tag = tags.get(declaration.name);
          if (!tag) continue;
          declaredIn.set(declaration.name, mod.path);
          declaration.tagName = tag;
          declaration.customElement = true;
          // The analyzer guesses an event from every `dispatchEvent(new SomeEvent(x))`; ours are the
          // documented `@event rights-*` tags. Each gets its class from events.ts's event map.
          declaration.events = (declaration.events ?? [])
            .filter((event) => event.name?.startsWith('rights-') || event.description)
            .map((event) => (events.has(event.name) ? { ...event, type: { text: events.get(event.name) } } : event));
          // Every element reads the theme tokens (RightsElement's hostStyles); add those the element's own
          // JSDoc does not describe more specifically, and fill in literal defaults from its styles.
          const folder = posix.dirname(mod.path);
          const own = fallbacks(readdirSync(posix.join(root, folder)).filter((f) => f.endsWith('.ts') && !f.includes('.test.')).map((f) => read(posix.join(folder, f))).join('\n'));
          const listed = new Map((declaration.cssProperties ?? []).map((p) => [p.name, p]));
          for (const token of tokens) if (!listed.has(token.name)) listed.set(token.name, token);
          for (const [name, prop] of listed) {
            const fallback = own.get(name) ?? tokens.find((t) => t.name === name)?.default;
            if (fallback && !prop.default) listed.set(name, { ...prop, default: fallback });
          }
          declaration.cssProperties = [...listed.values()];
        }
      }
      for (const [className, modulePath] of definedIn) {
        const mod = customElementsManifest.modules.find((m) => m.path === modulePath);
        if (!mod || !declaredIn.has(className)) continue;
        mod.exports = [
          ...(mod.exports ?? []),
          { kind: 'custom-element-definition', name: tags.get(className), declaration: { name: className, module: declaredIn.get(className) } },
        ];
      }
      // Last: every path names the file a consumer of the published package has (dist/*.js).
      for (const mod of customElementsManifest.modules) {
        const from = mod.path;
        const fix = (ref) => {
          if (ref?.module) ref.module = toDist(ref.module, from);
        };
        for (const exported of mod.exports ?? []) fix(exported.declaration);
        for (const declaration of mod.declarations ?? []) {
          fix(declaration.superclass);
          for (const member of declaration.members ?? []) fix(member.inheritedFrom);
          for (const attribute of declaration.attributes ?? []) fix(attribute.inheritedFrom);
          for (const event of declaration.events ?? []) fix(event.inheritedFrom);
          for (const mixin of declaration.mixins ?? []) fix(mixin);
        }
        mod.path = toDist(mod.path);
      }
    },
  };
}
