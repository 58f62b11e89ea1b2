// Every public attribute, property, event, slot, part and CSS property of every element is documented:
// the manifest feeds Storybook's controls and the element pages, so a missing JSDoc is a missing doc.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

interface Documented { name: string; description?: string; privacy?: string; inheritedFrom?: unknown }
interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  attributes?: Documented[];
  members?: (Documented & { kind: string; static?: boolean })[];
  events?: Documented[];
  slots?: Documented[];
  cssParts?: Documented[];
  cssProperties?: Documented[];
}

const manifest = JSON.parse(readFileSync('packages/elements/custom-elements.json', 'utf8')) as {
  modules: { path: string; declarations?: Declaration[] }[];
};
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);

test('the manifest lists every element the package registers', () => {
  const registered = readdirSync('packages/elements/src', { withFileTypes: true })
    // Shared code, not elements (docs/elements/controllers.md): every other folder is one element.
    .filter((d) => d.isDirectory() && !['base', 'controllers', 'events', 'form'].includes(d.name))
    .map((d) => d.name);
  const tags = elements.map((e) => e.tagName);
  for (const folder of registered) {
    const source = readFileSync(`packages/elements/src/${folder}/${folder}.ts`, 'utf8');
    const tag = /define\('([a-z-]+)'/.exec(source)?.[1];
    assert.ok(tag, `${folder}/${folder}.ts registers a tag`);
    assert.ok(tags.includes(tag), `<${tag}> is in custom-elements.json`);
  }
});

for (const element of elements) {
  test(`<${element.tagName}> documents its public API`, () => {
    const missing: string[] = [];
    if (!element.summary) missing.push('@summary');
    const need = (kind: string, items: Documented[] | undefined) => {
      for (const item of items ?? []) if (!item.description?.trim()) missing.push(`${kind} ${item.name}`);
    };
    need('attribute', element.attributes);
    need('event', element.events);
    need('slot', element.slots);
    need('part', element.cssParts);
    need('css property', element.cssProperties);
    need(
      'property',
      (element.members ?? []).filter((m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('_')),
    );
    assert.deepEqual(missing, [], `<${element.tagName}> lacks docs for: ${missing.join(', ')}`);
  });
}
