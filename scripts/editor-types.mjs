// From packages/elements/custom-elements.json, writes what editors and TypeScript need to know about the
// tags (issue #20.3), into packages/elements/dist/ (published, never committed):
//   react-jsx.d.ts / react-jsx.js      JSX types for React 19: every tag, its properties, attributes, events
//   web-types.json                     JetBrains IDEs (package.json "web-types")
//   vscode.html-custom-data.json       VS Code (settings "html.customData")
// One source (the manifest, itself from the elements' JSDoc) so the three never disagree with the docs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const PKG = 'packages/elements';
const manifest = JSON.parse(readFileSync(join(PKG, 'custom-elements.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));
const DOCS = `${pkg.homepage.replace(/#.*$/, '')}/blob/main/docs/elements`;

const elements = manifest.modules.flatMap((mod) =>
  (mod.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => ({ ...d, module: mod.path })),
);

const isPublic = (m) => m.kind === 'field' && !m.static && !m.readonly && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('_');
const primitive = (text = '') => {
  const bare = text.replace(/\s*\|\s*undefined/g, '').trim();
  return ['string', 'number', 'boolean'].includes(bare) ? bare : 'string';
};
const docName = (tag) => tag.replace(/^rights-/, '');
const quote = (s) => JSON.stringify(s);
const doc = (text = '') => text.split('\n')[0].replace(/\*\//g, '*\\/');

/** React 19 sets a property when the element has one and an attribute otherwise, and listens for `on<event>`. */
function reactJsx() {
  const imports = new Map(); // module → names
  const use = (module, name) => imports.set(module, new Set([...(imports.get(module) ?? []), name]));
  const entries = elements.map((el) => {
    use(el.module, el.name);
    const props = (el.members ?? []).filter(isPublic).map((m) => quote(m.name));
    const attrs = (el.attributes ?? [])
      .filter((a) => !props.includes(quote(a.name)))
      .map((a) => `        /** ${doc(a.description)} */\n        ${quote(a.name)}?: ${primitive(a.type?.text)};`);
    const events = (el.events ?? []).map((e) => {
      const type = e.type?.text ?? 'CustomEvent';
      if (e.type?.text) use('dist/events/events.js', type);
      return `        /** ${doc(e.description)} */\n        ${quote(`on${e.name}`)}?: (event: ${type}) => void;`;
    });
    const pick = props.length ? ` &\n      Partial<Pick<${el.name}, ${props.join(' | ')}>>` : '';
    return `      /** ${doc(el.summary)} */\n      ${quote(el.tagName)}: Base<${el.name}>${pick} & {\n${[...attrs, ...events].join('\n')}\n      };`;
  });
  const lines = [...imports].map(
    ([module, names]) => `import type { ${[...names].sort().join(', ')} } from ${quote('./' + relative('dist', module).replace(/\\/g, '/'))};`,
  );
  return `// Generated from custom-elements.json by scripts/editor-types.mjs: do not edit.
// In a React 19 project: \`import type {} from '@rights-kit/elements/react-jsx';\` once (e.g. in a .d.ts).
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
${lines.join('\n')}

type Base<E extends HTMLElement> = DetailedHTMLProps<HTMLAttributes<E>, E>;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
${entries.join('\n')}
    }
  }
}
`;
}

function webTypes() {
  return {
    $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    contributions: {
      html: {
        elements: elements.map((el) => ({
          name: el.tagName,
          description: el.summary ?? el.description ?? '',
          'doc-url': `${DOCS}/${docName(el.tagName)}.md`,
          attributes: (el.attributes ?? []).map((a) => ({
            name: a.name,
            description: a.description ?? '',
            value: { type: primitive(a.type?.text), ...(a.default !== undefined ? { default: a.default } : {}) },
          })),
          events: (el.events ?? []).map((e) => ({ name: e.name, description: e.description ?? '' })),
          slots: (el.slots ?? []).map((s) => ({ name: s.name, description: s.description ?? '' })),
          css: {
            properties: (el.cssProperties ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
            parts: (el.cssParts ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
          },
          js: {
            properties: (el.members ?? []).filter(isPublic).map((m) => ({ name: m.name, description: m.description ?? '', type: m.type?.text })),
            events: (el.events ?? []).map((e) => ({ name: e.name, description: e.description ?? '' })),
          },
        })),
      },
    },
  };
}

function vscodeData() {
  return {
    version: 1.1,
    tags: elements.map((el) => ({
      name: el.tagName,
      description: el.summary ?? el.description ?? '',
      attributes: (el.attributes ?? []).map((a) => ({
        name: a.name,
        description: a.description ?? '',
        ...(primitive(a.type?.text) === 'boolean' ? { valueSet: 'v' } : {}),
      })),
      references: [{ name: 'Documentation', url: `${DOCS}/${docName(el.tagName)}.md` }],
    })),
  };
}

const out = (file, text) => {
  const path = join(PKG, 'dist', file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
};
out('react-jsx.d.ts', reactJsx());
// A module for the types to sit beside, so every resolver (and attw) finds a file for the export.
out('react-jsx.js', '// Types only: see react-jsx.d.ts.\nexport {};\n');
out('web-types.json', JSON.stringify(webTypes(), null, 2) + '\n');
out('vscode.html-custom-data.json', JSON.stringify(vscodeData(), null, 2) + '\n');
