/**
 * Open311 GeoReport v2 fixture servers (node:http on loopback) for the open311Backend tests.
 *
 * `specFixture` answers with the examples printed in the spec itself (wiki.open311.org/GeoReport_v2), JSON
 * and XML, byte for byte where the spec's JSON is valid JSON (the spec writes `"service_code":001`, which
 * no JSON parser accepts; it is quoted here, and the ids the spec writes as numbers stay numbers).
 * `seedFixture` is a small GeoReport server over the demo seed's categories that declares the Rights Kit
 * profile's `rk_…` attributes, so the contract suite's citizen tests can run through the adapter.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateReference, type Category, type LocalizedText } from '@rights-kit/sdk';
import { BOOLEAN_KEYS, DATATYPE_OF, RK_ATTRIBUTES, toXml, type XmlNode } from '@rights-kit/sdk/open311';

export interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  form: URLSearchParams;
  contentType: string | undefined;
}
type Answer = { status: number; body: unknown; root: string; list?: string };
type Handler = (req: Seen, format: 'json' | 'xml') => Answer;

export interface Fixture {
  url: string;
  seen: Seen[];
  close(): Promise<void>;
}

/** A value as XML: arrays become lists of `item` elements, objects nested, the rest as text. */
function xmlNode(value: unknown, item: Record<string, string>): XmlNode {
  if (Array.isArray(value)) return value;
  if (value === null || typeof value !== 'object') return value as XmlNode;
  const out: Record<string, XmlNode> = {};
  for (const [k, v] of Object.entries(value)) out[k] = Array.isArray(v) ? { list: item[k]!, items: v.map((x) => xmlNode(x, item)) } : xmlNode(v, item);
  return out;
}
const LIST_ITEM = { attributes: 'attribute', values: 'value' };

function send(res: ServerResponse, format: 'json' | 'xml', answer: Answer) {
  let text: string;
  if (format === 'json') text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  else if (typeof answer.body === 'string') text = answer.body;
  else if (Array.isArray(answer.body)) text = toXml(answer.root, { list: answer.list!, items: answer.body.map((x) => xmlNode(x, LIST_ITEM)) });
  else text = toXml(answer.root, xmlNode(answer.body, LIST_ITEM));
  res.writeHead(answer.status, { 'content-type': format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8' });
  res.end(text);
}

export const errors = (status: number, description: string): Answer => ({ status, root: 'errors', list: 'error', body: [{ code: status, description }] });

async function start(handler: Handler): Promise<Fixture> {
  const seen: Seen[] = [];
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const url = new URL(req.url!, 'http://fixture');
    const m = /^(.*)\.(json|xml)$/.exec(url.pathname);
    const format = (m?.[2] ?? 'json') as 'json' | 'xml';
    const entry: Seen = { method: req.method!, path: m?.[1] ?? url.pathname, query: url.searchParams, form: new URLSearchParams(raw), contentType: req.headers['content-type'] };
    seen.push(entry);
    send(res, format, handler(entry, format));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ------------------------------------------------------------------ the spec's own examples

const NOTICE = 'The City will inspect and require the responsible party to correct within 24 hours and/or issue a Correction Notice or Notice of Violation of the Public Works Code';

export const SPEC_JSON = {
  services: `[
  {"service_code":"001","service_name":"Cans left out 24x7","description":"Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.","metadata":true,"type":"realtime","keywords":"lorem, ipsum, dolor","group":"sanitation"},
  {"service_code":"002","metadata":true,"type":"realtime","keywords":"lorem, ipsum, dolor","group":"street","service_name":"Construction plate shifted","description":"Metal construction plate covering the street or sidewalk has been moved."},
  {"service_code":"003","metadata":true,"type":"realtime","keywords":"lorem, ipsum, dolor","group":"street","service_name":"Curb or curb ramp defect","description":"Sidewalk curb or ramp has problems such as cracking, missing pieces, holes, and/or chipped curb."}
]`,
  definition: (extra: string) => `{
  "service_code":"DMV66",
  "attributes":[
    {"variable":true,"code":"WHISHETN","datatype":"singlevaluelist","required":true,"datatype_description":null,"order":1,"description":"What is the ticket/tag/DL number?",
     "values":[{"key":123,"name":"Ford"},{"key":124,"name":"Chrysler"}]}${extra}
  ]
}`,
  posted: `[{"service_request_id":293944,"service_notice":"${NOTICE}","account_id":null}]`,
  token: `[{"token":"12345","service_notice":"${NOTICE}","account_id":null}]`,
  tokens: `[{"service_request_id":638344,"token":12345}]`,
  request: `[{"service_request_id":638344,"status":"closed","status_notes":"Duplicate request.","service_name":"Sidewalk and Curb Issues","service_code":"006","description":null,"agency_responsible":null,"service_notice":null,"requested_datetime":"2010-04-14T06:37:38-08:00","updated_datetime":"2010-04-14T06:37:38-08:00","expected_datetime":"2010-04-15T06:37:38-08:00","address":"8TH AVE and JUDAH ST","address_id":545483,"zipcode":94122,"lat":37.762221815,"long":-122.4651145,"media_url":"http://city.gov.s3.amazonaws.com/requests/media/638344.jpg "}]`,
};

export const SPEC_XML = {
  services: `<?xml version="1.0" encoding="utf-8"?>
<services>
	<service>
		<service_code>001</service_code>
		<service_name>Cans left out 24x7</service_name>
		<description>Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.</description>
		<metadata>true</metadata>
		<type>realtime</type>
		<keywords>lorem, ipsum, dolor</keywords>
		<group>sanitation</group>
	</service>
	<service>
		<service_code>002</service_code>
		<metadata>true</metadata>
		<type>realtime</type>
		<keywords>lorem, ipsum, dolor</keywords>
		<group>street</group>
		<service_name>Construction plate shifted</service_name>
		<description>Metal construction plate covering the street or sidewalk has been moved.</description>
	</service>
	<service>
		<service_code>003</service_code>
		<metadata>true</metadata>
		<type>realtime</type>
		<keywords>lorem, ipsum, dolor</keywords>
		<group>street</group>
		<service_name>Curb or curb ramp defect</service_name>
		<description>Sidewalk curb or ramp has problems such as cracking, missing pieces, holes, and/or chipped curb.</description>
	</service>
</services>`,
  definition: (extra: string) => `<?xml version="1.0" encoding="utf-8"?>
<service_definition>
	<service_code>DMV66</service_code>
	<attributes>
		<attribute>
			<variable>true</variable>
			<code>WHISHETN</code>
			<datatype>singlevaluelist</datatype>
			<required>true</required>
			<datatype_description></datatype_description>
			<order>1</order>
			<description>What is the ticket/tag/DL number?</description>
			<values>
				<value>
					<key>123</key>
					<name>Ford</name>
				</value>
				<value>
					<key>124</key>
					<name>Chrysler</name>
				</value>
			</values>
		</attribute>${extra}
	</attributes>
</service_definition>`,
  posted: `<?xml version="1.0" encoding="utf-8"?>
<service_requests>
	<request>
		<service_request_id>293944</service_request_id>
		<service_notice>${NOTICE}</service_notice>
		<account_id/>
	</request>
</service_requests>`,
  token: `<?xml version="1.0" encoding="utf-8"?>
<service_requests>
	<request>
		<token>12345</token>
		<service_notice>${NOTICE}</service_notice>
		<account_id/>
	</request>
</service_requests>`,
  tokens: `<?xml version="1.0" encoding="utf-8"?>
<service_requests>
	<request>
		<service_request_id>638344</service_request_id>
		<token>12345</token>
	</request>
</service_requests>`,
  request: `<?xml version="1.0" encoding="utf-8"?>
<service_requests>
	<request>
		<service_request_id>638344</service_request_id>
		<status>closed</status>
		<status_notes>Duplicate request.</status_notes>
		<service_name>Sidewalk and Curb Issues</service_name>
		<service_code>006</service_code>
		<description></description>
		<agency_responsible></agency_responsible>
		<service_notice></service_notice>
		<requested_datetime>2010-04-14T06:37:38-08:00</requested_datetime>
		<updated_datetime>2010-04-14T06:37:38-08:00</updated_datetime>
		<expected_datetime>2010-04-15T06:37:38-08:00</expected_datetime>
		<address>8TH AVE and JUDAH ST</address>
		<address_id>545483</address_id>
		<zipcode>94122</zipcode>
		<lat>37.762221815</lat>
		<long>-122.4651145</long>
		<media_url>http://city.gov.s3.amazonaws.com/requests/media/638344.jpg</media_url>
	</request>
</service_requests>`,
};

/** The profile's reserved attributes, as a service definition declares them (JSON text and XML text). */
function declared(codes: readonly string[], format: 'json' | 'xml'): string {
  return codes
    .map((code) =>
      format === 'json'
        ? `,\n    {"variable":true,"code":"${code}","datatype":"string","required":false,"datatype_description":null,"order":9,"description":"${code}"}`
        : `\n\t\t<attribute><variable>true</variable><code>${code}</code><datatype>string</datatype><required>false</required><datatype_description/><order>9</order><description>${code}</description></attribute>`,
    )
    .join('');
}

export interface SpecOptions {
  apiKey: string;
  /** Reserved attributes every definition declares besides the spec's own one. */
  declare?: readonly string[];
  /** Answer the POST with a token (a batch service) instead of an id. */
  token?: boolean;
}

export function specFixture(options: SpecOptions): Promise<Fixture> {
  return start((req, format) => {
    const spec = format === 'json' ? SPEC_JSON : SPEC_XML;
    const text = (body: string): Answer => ({ status: 200, body, root: '' });
    if (req.method === 'GET' && req.path === '/services') return text(spec.services);
    if (req.method === 'GET' && req.path.startsWith('/services/')) return text(spec.definition(declared(options.declare ?? [], format)));
    if (req.method === 'POST' && req.path === '/requests') {
      if (req.form.get('api_key') !== options.apiKey) return errors(403, 'Invalid api_key');
      return text(options.token ? spec.token : spec.posted);
    }
    if (req.method === 'GET' && req.path === '/tokens/12345') return text(spec.tokens);
    if (req.method === 'GET' && req.path === '/requests/638344') return text(spec.request);
    return errors(404, 'Not found');
  });
}

// ------------------------------------------------------------------ a GeoReport server over the seed

const textIn = (t: LocalizedText | undefined, locale: string | null): string | undefined =>
  t === undefined ? undefined : typeof t === 'string' ? t : (t[locale ?? ''] ?? Object.values(t)[0]);

function definition(category: Category, locale: string | null) {
  const attributes: Record<string, unknown>[] = (category.fields ?? []).map((f, i) => ({
    variable: true,
    code: f.code,
    datatype: DATATYPE_OF[f.type],
    required: f.required,
    datatype_description: textIn(f.description, locale) ?? null,
    order: i + 1,
    description: textIn(f.label, locale),
    values:
      f.type === 'boolean'
        ? BOOLEAN_KEYS.map((key) => ({ key, name: key === 'true' ? 'Yes' : 'No' }))
        : (f.options ?? []).map((o) => ({ key: o.value, name: textIn(o.label, locale) })),
  }));
  for (const [i, a] of Object.values(RK_ATTRIBUTES).entries()) {
    attributes.push({ variable: true, code: a.code, datatype: a.datatype, required: false, datatype_description: null, order: 100 + i, description: a.code, values: ('values' in a ? a.values : []).map((key) => ({ key, name: key })) });
  }
  return { service_code: category.code, attributes };
}

export function seedFixture(categories: readonly Category[], apiKey: string): Promise<Fixture> {
  const requests = new Map<string, { service_code: string; at: string }>();
  return start((req, _format) => {
    const locale = req.query.get('locale');
    if (req.method === 'GET' && req.path === '/services') {
      const services = categories.map((c) => ({ service_code: c.code, service_name: textIn(c.name, locale), description: textIn(c.description, locale) ?? null, metadata: true, type: 'realtime', keywords: null, group: null }));
      return { status: 200, body: services, root: 'services', list: 'service' };
    }
    const service = /^\/services\/(.+)$/.exec(req.path);
    if (req.method === 'GET' && service) {
      const category = categories.find((c) => c.code === decodeURIComponent(service[1]!));
      return category ? { status: 200, body: definition(category, locale), root: 'service_definition' } : errors(404, 'No such service');
    }
    if (req.method === 'POST' && req.path === '/requests') {
      if (req.form.get('api_key') !== apiKey) return errors(403, 'Invalid api_key');
      const id = generateReference('RK');
      requests.set(id, { service_code: req.form.get('service_code')!, at: new Date().toISOString() });
      return { status: 201, body: [{ service_request_id: id, service_notice: null, account_id: null }], root: 'service_requests', list: 'request' };
    }
    const one = /^\/requests\/(.+)$/.exec(req.path);
    const found = one && requests.get(decodeURIComponent(one[1]!));
    if (req.method === 'GET' && found) {
      const c = categories.find((k) => k.code === found.service_code);
      const body = [{ service_request_id: decodeURIComponent(one[1]!), status: 'open', status_notes: null, service_name: textIn(c?.name, locale), service_code: found.service_code, requested_datetime: found.at, updated_datetime: found.at }];
      return { status: 200, body, root: 'service_requests', list: 'request' };
    }
    return errors(404, 'Not found');
  });
}
