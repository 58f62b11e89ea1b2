/** The catalogue without SQL (issue #14 item 4): an administrator exports and replaces it as one JSON document. */
import { Catalogue } from '../catalogue.js';
import { BODY_ERRORS, COMMON_ERRORS, NO_STORE, defineOperation, type Check } from './define.js';
import { TEXT_CHECKS } from './public.js';

const CATALOGUE_CHECKS: readonly Check[] = [
  ...TEXT_CHECKS,
  { path: 'categories.*.code', codes: ['duplicate'], rule: 'Category codes are unique.' },
  { path: 'stations.*.id', codes: ['duplicate'], rule: 'Station ids are unique.' },
  { path: 'hotlines.*.id', codes: ['duplicate'], rule: 'Hotline ids are unique.' },
  { path: 'categories.*.fields.*.code', codes: ['duplicate'], rule: "A category's question codes are unique." },
  { path: 'categories.*.fields.*.options', codes: ['required'], rule: 'A select or multiselect question has options.' },
  { path: 'categories.*.fields.*.when.field', codes: ['invalid_choice'], rule: 'A conditional question depends on an earlier question of its category.' },
  { path: 'categories.*.fields.*.when.equals', codes: ['invalid_choice'], rule: "The values are options of that question (true/false for a yes/no question)." },
  { path: 'routing.*.stationId', codes: ['invalid_choice'], rule: 'A routing rule names a station of this catalogue.' },
  { path: 'routing.*.categories.*', codes: ['invalid_choice'], rule: 'A routing rule names categories of this catalogue.' },
];

export const staffGetCatalogue = defineOperation({
  id: 'staffGetCatalogue',
  method: 'GET',
  path: '/staff/catalogue',
  tag: 'staff',
  summary: 'Export the catalogue: categories, stations, hotlines and routing rules',
  description: "The administrator's copy as one JSON document, confidential stations' whereabouts included (never cached).",
  answer: { status: 200, description: 'The catalogue.', schema: Catalogue, name: 'Catalogue' },
  errors: [...COMMON_ERRORS, 'unauthorized', 'forbidden', 'validation_failed'],
  security: 'staff',
  permission: 'catalogue.manage',
  cache: NO_STORE,
});

export const staffPutCatalogue = defineOperation({
  id: 'staffPutCatalogue',
  method: 'PUT',
  path: '/staff/catalogue',
  tag: 'staff',
  summary: 'Replace the catalogue (import): create, change or remove categories, stations, hotlines and routing rules',
  description:
    'All or nothing: a document with any problem is refused (400, each issue naming its field) and nothing changes. ' +
    'Once replaced, every public list answers the new catalogue at once (new ETags); cases keep the answers they were filed with.',
  body: {
    schema: Catalogue,
    name: 'Catalogue',
    example: {
      categories: [{ code: 'general', name: { 'zh-CN': '其他', en: 'Other' } }],
      stations: [{ id: 'qh-rights-centre', name: { 'zh-CN': '县妇女儿童维权中心', en: 'County Rights Centre' }, kind: 'rights-centre', services: ['legal-consultation'], phone: '0931-8612338', openingHours: 'Mo-Fr 08:30-17:30' }],
      hotlines: [{ id: '12338', name: '12338', number: '12338', openingHours: '24/7', timezone: 'Asia/Shanghai', free: true, channels: ['phone'] }],
      routing: [{ stationId: 'qh-rights-centre', districts: ['城关区'] }],
    },
  },
  answer: { status: 200, description: 'The catalogue as stored.', schema: Catalogue, name: 'Catalogue' },
  errors: [...COMMON_ERRORS, 'unauthorized', 'forbidden', ...BODY_ERRORS],
  security: 'staff',
  permission: 'catalogue.manage',
  cache: NO_STORE,
  checks: CATALOGUE_CHECKS,
});
