import type { ArgTypes } from '@storybook/web-components-vite';
import manifest from '../../packages/elements/custom-elements.json';

interface Member {
  name: string;
  kind: string;
  type?: { text: string };
  static?: boolean;
  readonly?: boolean;
  privacy?: string;
}
interface Attribute {
  name: string;
  fieldName?: string;
}
interface Declaration {
  tagName?: string;
  attributes?: Attribute[];
  members?: Member[];
}

/** Properties that hold objects a control cannot edit sensibly (the story sets them in code). */
const CODE_ONLY = new Set(['client', 'now', 'hotlines', 'stations', 'baseUrl', 'resolvedLocale', 'resolvedClient']);

function declaration(tag: string): Declaration | undefined {
  const modules = (manifest as { modules: { declarations?: Declaration[] }[] }).modules;
  return modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
}

/**
 * Storybook lists each attribute and each property of the manifest separately. Stories bind properties
 * (camelCase), so the kebab-case attribute rows stay in the docs table without a control, as do
 * read-only getters and object-valued properties set in code.
 */
export function argTypesFor(tag: string): Partial<ArgTypes> {
  const d = declaration(tag);
  const argTypes: Partial<ArgTypes> = {};
  for (const a of d?.attributes ?? []) {
    if (a.fieldName && a.fieldName !== a.name) argTypes[a.name] = { control: false, table: { category: 'attributes' } };
  }
  for (const m of d?.members ?? []) {
    if (m.kind !== 'field' || m.static || m.privacy) continue;
    if (m.readonly || CODE_ONLY.has(m.name)) argTypes[m.name] = { control: false, table: { category: 'properties' } };
    else if (m.type) {
      // `string | undefined` would otherwise get a JSON editor.
      const kinds = m.type.text.split('|').map((t) => t.trim()).filter((t) => t !== 'undefined');
      if (kinds.length === 1 && kinds[0] === 'string') argTypes[m.name] = { control: 'text' };
      else if (kinds.length === 1 && kinds[0] === 'number') argTypes[m.name] = { control: 'number' };
      else if (kinds.length === 1 && kinds[0] === 'boolean') argTypes[m.name] = { control: 'boolean' };
    }
  }
  return argTypes;
}
