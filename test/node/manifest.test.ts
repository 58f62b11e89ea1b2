// Every public attribute, property, event, slot, part and CSS property of every element is documented:
// the manifest feeds Storybook's controls and the element pages, so a missing JSDoc is a missing doc.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import Ajv from 'ajv';

interface Documented { name: string; description?: string; privacy?: string; inheritedFrom?: unknown; type?: { text: string }; default?: string }
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

interface Export { kind: string; name: string; declaration: { name: string; module?: string } }
const manifest = JSON.parse(readFileSync('packages/elements/custom-elements.json', 'utf8')) as {
  modules: { path: string; declarations?: Declaration[]; exports?: Export[] }[];
};
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);

test('the manifest is valid by the Custom Elements Manifest schema', () => {
  const schema = JSON.parse(readFileSync('node_modules/custom-elements-manifest/schema.json', 'utf8')) as object;
  const validate = new Ajv({ allErrors: true }).compile(schema);
  assert.ok(validate(manifest), new Ajv().errorsText(validate.errors));
});

test('every path names the published file (dist/*.js), built from a source that exists', () => {
  const paths = manifest.modules.flatMap((m) => [m.path, ...(m.exports ?? []).map((e) => e.declaration.module).filter((p): p is string => Boolean(p))]);
  for (const path of paths) {
    assert.match(path, /^dist\/[\w/.-]+\.js$/, `${path} points into dist/`);
    assert.ok(existsSync(`packages/elements/${path.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts')}`), `${path} has a source`);
  }
});

test('each tag has a custom-element-definition export, and each event its type', () => {
  const definitions = manifest.modules.flatMap((m) => m.exports ?? []).filter((e) => e.kind === 'custom-element-definition');
  for (const element of elements) {
    const definition = definitions.find((d) => d.name === element.tagName);
    assert.equal(definition?.declaration.name, element.name, `<${element.tagName}> is defined from ${element.name}`);
    for (const event of element.events ?? []) assert.match(event.type?.text ?? '', /^Rights\w+Event$/, `<${element.tagName}> ${event.name} has its event class`);
  }
});

test('each element lists every CSS custom property it reads, the theme tokens included', () => {
  const read = (folder: string) =>
    readdirSync(`packages/elements/src/${folder}`, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.includes('.test.'))
      .flatMap((f) => [...readFileSync(`packages/elements/src/${folder}/${f}`, 'utf8').matchAll(/var\(\s*(--rights-[a-z-]+)/g)].map((m) => m[1]!));
  const shared = new Set(read('base'));
  assert.ok(shared.has('--rights-color-primary'), 'found the theme tokens');
  for (const element of elements) {
    const folder = element.tagName!.replace(/^rights-/, '');
    const listed = new Set((element.cssProperties ?? []).map((p) => p.name));
    const missing = [...new Set([...shared, ...read(folder)])].filter((name) => !listed.has(name));
    assert.deepEqual(missing, [], `<${element.tagName}> reads but does not list`);
  }
});

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
