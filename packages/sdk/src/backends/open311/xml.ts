/**
 * The XML that GeoReport v2 uses, and only that: elements, text, CDATA, comments, the XML declaration and
 * the five predefined entities plus numeric character references. Attributes are ignored (the spec puts
 * everything in elements); a DOCTYPE is refused, so no entity expansion can be smuggled in. Written here
 * rather than using DOMParser because Node has none, and a general XML library would outweigh the adapter.
 *
 * `xmlToValue` turns a document into the same shape as the spec's JSON: list containers (`services`,
 * `attributes`, `values`, `service_requests`, `errors`) become arrays of their children, other elements with
 * children become objects, leaves become strings.
 */

export interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

/** The containers whose children are a list, whatever their count (one `<service>` is still a list). */
const LIST_CONTAINERS = new Set(['services', 'attributes', 'values', 'service_requests', 'errors', 'service_request_updates']);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    const e = ENTITIES[name];
    if (e === undefined) throw new SyntaxError(`XML: unknown entity ${whole}`);
    return e;
  });
}

/** Parses one document into its root element; throws SyntaxError on anything malformed. */
export function parseXml(source: string): XmlElement {
  let i = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const fail = (why: string): never => {
    throw new SyntaxError(`XML: ${why} at offset ${i}`);
  };
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    const textEnd = lt === -1 ? source.length : lt;
    if (textEnd > i) {
      const text = source.slice(i, textEnd);
      if (stack.length) stack.at(-1)!.text += decodeEntities(text);
      else if (text.trim()) fail('text outside the root element');
      i = textEnd;
      continue;
    }
    if (source.startsWith('<?', i)) {
      const end = source.indexOf('?>', i);
      if (end === -1) fail('unclosed declaration');
      i = end + 2;
    } else if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i);
      if (end === -1) fail('unclosed comment');
      i = end + 3;
    } else if (source.startsWith('<![CDATA[', i)) {
      const end = source.indexOf(']]>', i);
      if (end === -1 || !stack.length) fail('misplaced CDATA');
      stack.at(-1)!.text += source.slice(i + 9, end);
      i = end + 3;
    } else if (source.startsWith('<!', i)) {
      fail('DOCTYPE and other declarations are not accepted');
    } else if (source.startsWith('</', i)) {
      const end = source.indexOf('>', i);
      const name = source.slice(i + 2, end).trim();
      const open = stack.pop();
      if (end === -1 || !open || open.name !== name) fail(`unexpected </${name}>`);
      i = end + 1;
      if (!stack.length) root = open;
    } else {
      const end = source.indexOf('>', i);
      if (end === -1) fail('unclosed tag');
      const inner = source.slice(i + 1, end);
      const selfClosing = inner.endsWith('/');
      const name = /^([A-Za-z_][\w.-]*)/.exec(inner)?.[1];
      if (!name) fail('a tag without a name');
      if (root) fail('a second root element');
      const element: XmlElement = { name: name!, children: [], text: '' };
      stack.at(-1)?.children.push(element);
      if (selfClosing) {
        if (!stack.length) root = element;
      } else stack.push(element);
      i = end + 1;
    }
  }
  if (stack.length || !root) fail('the document ends inside an element');
  return root!;
}

export type XmlValue = string | XmlValue[] | { [name: string]: XmlValue };

/** An element as the spec's JSON would have it (see the module comment). */
export function elementToValue(element: XmlElement): XmlValue {
  if (LIST_CONTAINERS.has(element.name)) return element.children.map(elementToValue);
  if (!element.children.length) return element.text.trim();
  const out: Record<string, XmlValue> = {};
  for (const child of element.children) out[child.name] = elementToValue(child);
  return out;
}

/** The document as JSON-like data, with the name of its root (`services`, `service_definition`, `errors`…). */
export function xmlToValue(source: string): { root: string; value: XmlValue } {
  const root = parseXml(source);
  return { root: root.name, value: elementToValue(root) };
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** What `toXml` writes: a leaf (null → empty element), an object of elements, or a list of `[name, value]` items. */
export type XmlNode = string | number | boolean | null | undefined | { [name: string]: XmlNode } | { list: string; items: XmlNode[] };

function write(name: string, node: XmlNode, indent: string): string {
  if (node === undefined) return '';
  if (node === null || typeof node !== 'object') return `${indent}<${name}>${node === null ? '' : escapeXml(String(node))}</${name}>\n`;
  const entries: [string, XmlNode][] = 'list' in node && Array.isArray(node.items)
    ? node.items.map((item) => [node.list as string, item])
    : Object.entries(node as Record<string, XmlNode>);
  const inner = entries.map(([n, v]) => write(n, v, `${indent}  `)).join('');
  return `${indent}<${name}>\n${inner}${indent}</${name}>\n`;
}

/** A UTF-8 XML document whose root is `name`, as the spec asks (declaration with the encoding first). */
export function toXml(name: string, node: XmlNode): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${write(name, node, '')}`;
}
