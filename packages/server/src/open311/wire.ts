/**
 * How the Open311 endpoint answers: the format named by the path's extension (`.json` or `.xml`), the
 * spec's list roots, and its error shape `[{ code, description }]` / `<errors><error>…` — never the kit's
 * `{ error: { … } }`, which an Open311 client would not read.
 */
import type { Context } from 'hono';
import { toXml, type XmlNode } from '@rights-kit/sdk/open311';
import type { ErrorIssue } from '@rights-kit/sdk';

export type Format = 'json' | 'xml';

/** `services.xml` → `xml`; anything else is JSON (the format of the kit's own API). */
export const formatOf = (file: string | undefined): Format => (file?.endsWith('.xml') ? 'xml' : 'json');

/** The list roots of the spec: services/service, service_requests/request, errors/error; values and attributes nest. */
const ITEM: Record<string, string> = { services: 'service', service_requests: 'request', errors: 'error', attributes: 'attribute', values: 'value' };

function node(value: unknown, name: string): XmlNode {
  if (Array.isArray(value)) return { list: ITEM[name] ?? 'item', items: value.map((v) => node(v, ITEM[name] ?? 'item')) };
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, node(v, k)]));
  }
  return value as XmlNode;
}

/** One answer in the asked format; `root` names the XML root (`services`, `service_definition`, …). */
export function answer(c: Context, format: Format, root: string, body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const text = format === 'json' ? JSON.stringify(body) : toXml(root, node(body, root));
  const type = format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8';
  return c.body(text, status as 200, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
}

export interface Open311Error {
  status: number;
  descriptions: string[];
  headers?: Record<string, string>;
}

export function errorAnswer(c: Context, format: Format, error: Open311Error): Response {
  const body = error.descriptions.map((description) => ({ code: error.status, description }));
  return answer(c, format, 'errors', body, error.status, error.headers);
}

/**
 * A kit issue path as the Open311 field a client sent (`attributes.employer` → `attribute[employer]`,
 * `contact.phone` → `phone`); `rk` maps the kit's other answers to their reserved attributes.
 */
export function fieldOf(path: string, rk: Readonly<Record<string, string>>): string {
  if (path.startsWith('attributes.')) return `attribute[${path.slice('attributes.'.length)}]`;
  const standard: Record<string, string> = {
    category: 'service_code',
    description: 'description',
    'contact.phone': 'phone',
    'contact.email': 'email',
    'contact.name': 'first_name',
    'location.lat': 'lat',
    'location.lng': 'long',
    'location.address': 'address_string',
  };
  if (standard[path]) return standard[path]!;
  return rk[path] ? `attribute[${rk[path]}]` : path;
}

export const describeIssues = (issues: readonly ErrorIssue[], rk: Readonly<Record<string, string>>) =>
  issues.map((i) => `${fieldOf(i.path, rk) || 'request'}: ${i.message}`);
