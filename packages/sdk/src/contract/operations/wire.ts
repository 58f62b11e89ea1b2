// Written by `npm run generate:wire` from the operation table (wire-of.ts says why); do not edit by hand.
import type { WireOperation } from './wire-of.js';

export const WIRE = {
  listCategories: { method: 'GET', path: '/categories', conditional: true, answer: 'CategoryList' },
  listHotlines: { method: 'GET', path: '/hotlines', conditional: true, answer: 'HotlineList' },
  listStations: { method: 'GET', path: '/stations', query: [['near', 'near', 'latLng'], ['kind', 'kinds', 'commaList'], ['service', 'services', 'commaList'], ['q', 'q', 'text'], ['district', 'district', 'text'], ['limit', 'limit', 'integer']], conditional: true, answer: 'StationList' },
  getStats: { method: 'GET', path: '/stats', query: [['from', 'from', 'text'], ['to', 'to', 'text']], conditional: true, answer: 'Statistics' },
  listActivities: { method: 'GET', path: '/activities', query: [['from', 'from', 'text'], ['to', 'to', 'text']], conditional: true, answer: 'ActivityList' },
  submitPetition: { method: 'POST', path: '/petitions', body: true, idempotencyKey: true, proof: 'Rights-Proof', answer: 'Receipt' },
  getSubmitChallenge: { method: 'GET', path: '/petitions/challenge', answer: 'SubmitChallenge' },
  lookupCase: { method: 'POST', path: '/cases/lookup', body: true, safeToRepeat: true, answer: 'CaseView' },
  eraseContact: { method: 'POST', path: '/cases/erase-contact', body: true, safeToRepeat: true, answer: 'CaseView' },
  health: { method: 'GET', path: '/health', answer: 'Health' },
  getOpenApi: { method: 'GET', path: '/openapi.json', conditional: true, answer: 'OpenApiDocument' },
  staffListCases: { method: 'GET', path: '/staff/cases', query: [['view', 'view', 'text'], ['reference', 'reference', 'text'], ['status', 'status', 'text'], ['category', 'category', 'text'], ['overdue', 'overdue', 'boolean'], ['channel', 'channel', 'text'], ['station', 'stationId', 'text'], ['limit', 'limit', 'integer'], ['offset', 'offset', 'integer']], staff: true, answer: 'StaffCaseList' },
  staffRegisterCase: { method: 'POST', path: '/staff/cases', body: true, staff: true, idempotencyKey: true, answer: 'Receipt' },
  staffGetCase: { method: 'GET', path: '/staff/cases/{reference}', staff: true, answer: 'StaffCase' },
  staffUpdateCase: { method: 'PATCH', path: '/staff/cases/{reference}', body: true, staff: true, answer: 'StaffCase' },
  staffAssignCase: { method: 'POST', path: '/staff/cases/{reference}/assignment', body: true, staff: true, answer: 'StaffCase' },
  staffSignIn: { method: 'POST', path: '/staff/session', body: true, answer: 'StaffSession' },
  staffWhoAmI: { method: 'GET', path: '/staff/session', staff: true, answer: 'StaffAccount' },
  staffSignOut: { method: 'DELETE', path: '/staff/session', staff: true, answer: 'SignedOut' },
  staffListAccounts: { method: 'GET', path: '/staff/accounts', query: [['stationId', 'stationId', 'text']], staff: true, answer: 'StaffAccountList' },
  staffListAudit: { method: 'GET', path: '/staff/audit', query: [['account', 'account', 'text'], ['limit', 'limit', 'integer'], ['offset', 'offset', 'integer']], staff: true, answer: 'PersonAudit' },
  staffGetReport: { method: 'GET', path: '/staff/report', query: [['from', 'from', 'text'], ['to', 'to', 'text']], staff: true, answer: 'Report' },
  staffCreateActivity: { method: 'POST', path: '/staff/activities', body: true, staff: true, answer: 'Activity' },
  staffUpdateActivity: { method: 'PATCH', path: '/staff/activities/{id}', body: true, staff: true, answer: 'Activity' },
} as const satisfies Record<string, WireOperation>;
