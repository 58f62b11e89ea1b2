/**
 * GeoReport services and service definitions → the kit's categories and their fields, with the tables
 * that take a petition back the other way (category → service_code, field → attribute code). With several
 * locales the endpoint is asked once per locale (`locale=`, an extension many endpoints accept and the
 * others ignore) and the texts are merged into LocalizedText; when every locale got the same text, it
 * stays one string.
 */
import type { Category, FieldDefinition, FieldType } from '../../contract/category.js';
import type { LocalizedText } from '../../contract/common.js';
import { FIELD_TYPE_OF, isBooleanList, isReservedCode, OPEN311_DATATYPES, type Open311Datatype } from './profile.js';
import type { Open311Attribute, Open311Service } from './wire.js';

export interface ServiceEntry {
  serviceCode: string;
  category: Category;
  /** Kit field code → the attribute it is sent as, and how its value is written. */
  fields: Map<string, { attribute: string; type: FieldType }>;
  /** The reserved `rk_…` attributes this service declares. */
  reserved: Set<string>;
}

export interface Catalogue {
  categories: Category[];
  byCategory: Map<string, ServiceEntry>;
  /** service_code → kit category code. */
  byServiceCode: Map<string, string>;
}

/** What the endpoint said in each locale asked (`''` when none was asked). */
export interface LocalisedAnswers {
  locales: string[];
  services: Map<string, Open311Service[]>;
  /** service_code → locale → attributes. */
  definitions: Map<string, Map<string, Open311Attribute[]>>;
}

/** A GeoReport code (`DMV66`, `001`, `Pot Hole`) as a kit code (`dmv66`, `001`, `pot-hole`), unique in `taken`. */
export function kitCode(raw: string, taken: Set<string>): string {
  const base = raw.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 56) || 'code';
  let code = base;
  for (let n = 2; taken.has(code); n++) code = `${base}-${n}`;
  taken.add(code);
  return code;
}

/** One text per locale → LocalizedText (a plain string when no locale was asked or all agree). */
function localise(locales: string[], text: (locale: string) => string | undefined): LocalizedText | undefined {
  const texts = locales.map((l) => [l, text(l)] as const).filter((e): e is readonly [string, string] => !!e[1]);
  if (!texts.length) return undefined;
  if (locales[0] === '' || texts.every(([, t]) => t === texts[0]![1])) return texts[0]![1];
  return Object.fromEntries(texts);
}

function toField(code: string, byLocale: (locale: string) => Open311Attribute | undefined, locales: string[]): FieldDefinition {
  const first = byLocale(locales[0]!)!;
  const keys = first.values.map((v) => v.key);
  const datatype = (OPEN311_DATATYPES as readonly string[]).includes(first.datatype) ? (first.datatype as Open311Datatype) : 'string';
  // An unknown datatype is asked as free text: whatever it is, the wire carries it as a string.
  const type: FieldType = isBooleanList(first.datatype, keys) ? 'boolean' : FIELD_TYPE_OF[datatype];
  const field: FieldDefinition = {
    code,
    label: localise(locales, (l) => byLocale(l)?.description) ?? first.code,
    type,
    required: first.required,
  };
  const description = localise(locales, (l) => byLocale(l)?.datatype_description);
  if (description) field.description = description;
  if (type === 'select' || type === 'multiselect') {
    field.options = keys.map((key) => ({
      value: key,
      label: localise(locales, (l) => byLocale(l)?.values.find((v) => v.key === key)?.name) ?? key,
    }));
  }
  return field;
}

export function buildCatalogue(answers: LocalisedAnswers): Catalogue {
  const { locales } = answers;
  const primary = answers.services.get(locales[0]!) ?? [];
  const catalogue: Catalogue = { categories: [], byCategory: new Map(), byServiceCode: new Map() };
  const categoryCodes = new Set<string>();
  for (const service of primary) {
    const code = kitCode(service.service_code, categoryCodes);
    const inLocale = (l: string) => answers.services.get(l)?.find((s) => s.service_code === service.service_code);
    const category: Category = { code, name: localise(locales, (l) => inLocale(l)?.service_name) ?? service.service_code };
    const entry: ServiceEntry = { serviceCode: service.service_code, category, fields: new Map(), reserved: new Set() };
    const definitions = answers.definitions.get(service.service_code);
    const attributes = [...(definitions?.get(locales[0]!) ?? [])].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
    const notes: string[] = [];
    const fieldCodes = new Set<string>();
    const fields: FieldDefinition[] = [];
    for (const attribute of attributes) {
      if (isReservedCode(attribute.code)) {
        entry.reserved.add(attribute.code);
      } else if (!attribute.variable) {
        // An attribute that asks nothing is a note for the person filing: kept in the description.
        notes.push(attribute.description);
      } else {
        const byLocale = (l: string) => definitions?.get(l)?.find((a) => a.code === attribute.code);
        const field = toField(kitCode(attribute.code, fieldCodes), byLocale, locales);
        entry.fields.set(field.code, { attribute: attribute.code, type: field.type });
        fields.push(field);
      }
    }
    const description = [service.description, ...notes].filter(Boolean).join('\n\n');
    const localisedDescription = localise(locales, (l) => inLocale(l)?.description);
    if (notes.length && description) category.description = description;
    else if (localisedDescription) category.description = localisedDescription;
    if (fields.length) category.fields = fields;
    catalogue.categories.push(category);
    catalogue.byCategory.set(code, entry);
    catalogue.byServiceCode.set(service.service_code, code);
  }
  return catalogue;
}
