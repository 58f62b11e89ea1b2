/**
 * How a query parameter travels in a URL, written once for the client (encode), the server (decode) and
 * the OpenAPI document (how the parameter's JSON Schema looks on the wire).
 *
 * Decoding never validates: it turns text into the shape the query schema expects when it can and leaves
 * the text as it is when it cannot, so the schema names the parameter and the reason (`near=north` → an
 * issue at `near`), one way for every parameter.
 */

export interface WireSchema {
  schema: Record<string, unknown>;
  /** OpenAPI `style`/`explode` for arrays: `form` + `explode: false` is a comma list. */
  style?: 'form';
  explode?: boolean;
}

export interface QueryCodec {
  /** The value from the typed query → its text in the URL, or undefined to leave the parameter out. */
  encode(value: unknown): string | undefined;
  /** Every occurrence of the parameter in the URL → the value the query schema validates. */
  decode(values: readonly string[]): unknown;
  /** The parameter's JSON Schema in the document, from the query schema's property. */
  wire(property: Record<string, unknown>): WireSchema;
  /** A typed value as the document shows it: what `wire`'s schema describes (a list stays an array). */
  documented(value: unknown): unknown;
}

/** A repeated single-valued parameter is kept as an array, which the schema then refuses by name. */
const single = (values: readonly string[], map: (v: string) => unknown) => (values.length === 1 ? map(values[0]!) : values.map(map));

const numberOr = (v: string): number | string => (v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v);

/** Free text (`q=…`, `category=…`). */
export const text: QueryCodec = {
  encode: (v) => (typeof v === 'string' && v !== '' ? v : undefined),
  decode: (values) => single(values, (v) => v),
  wire: (property) => ({ schema: property }),
  documented: (value) => value,
};

/** A calendar date `YYYY-MM-DD`: text on the wire, checked by the schema's format. */
export const date: QueryCodec = text;

/** An integer (`limit=20`). */
export const integer: QueryCodec = {
  encode: (v) => (typeof v === 'number' ? String(v) : undefined),
  decode: (values) => single(values, numberOr),
  wire: (property) => ({ schema: property }),
  documented: (value) => value,
};

/** `true` or `false`. */
export const boolean: QueryCodec = {
  encode: (v) => (typeof v === 'boolean' ? String(v) : undefined),
  decode: (values) => single(values, (v) => (v === 'true' ? true : v === 'false' ? false : v)),
  wire: (property) => ({ schema: property }),
  documented: (value) => value,
};

/**
 * A list as one comma-separated value (`kind=a,b`), readable in a URL and a log line; repeating the
 * parameter (`kind=a&kind=b`) is accepted too and means the same. An empty list is left out.
 */
export const commaList: QueryCodec = {
  encode: (v) => (Array.isArray(v) && v.length ? v.join(',') : undefined),
  decode: (values) => values.flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean),
  wire: (property) => ({ schema: property, style: 'form', explode: false }),
  documented: (value) => value,
};

const NUMBER = '-?[0-9]+(\\.[0-9]+)?';

/** A point as `lat,lng` (`near=36.06,103.83`). */
export const latLng: QueryCodec = {
  encode: (v) => {
    const p = v as { lat?: unknown; lng?: unknown } | undefined;
    return p && typeof p.lat === 'number' && typeof p.lng === 'number' ? `${p.lat},${p.lng}` : undefined;
  },
  decode: (values) =>
    single(values, (value) => {
      const parts = value.split(',');
      const [lat, lng] = parts.map(numberOr);
      return parts.length === 2 && typeof lat === 'number' && typeof lng === 'number' ? { lat, lng } : value;
    }),
  wire: () => ({
    schema: {
      type: 'string',
      pattern: `^${NUMBER},${NUMBER}$`,
      description: 'Latitude (−90…90) and longitude (−180…180) in decimal degrees, separated by a comma.',
    },
  }),
  documented: (value) => latLng.encode(value),
};
