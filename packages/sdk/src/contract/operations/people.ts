/** The office's people (issue #13): whom a case can be assigned to, and what one person did. */
import { PersonAudit, PersonAuditQuery } from '../audit.js';
import { StaffAccountList, StaffAccountQuery } from '../permissions.js';
import * as codec from './codecs.js';
import { COMMON_ERRORS, NO_STORE, defineOperation } from './define.js';
import { TEXT_CHECKS } from './public.js';

export const staffListAccounts = defineOperation({
  id: 'staffListAccounts',
  method: 'GET',
  path: '/staff/accounts',
  tag: 'staff',
  summary: 'The staff accounts: whom a case can be assigned to',
  description: 'Names, roles and stations, by station then name; never a password hash. A station head sees only her own station\'s people (another station answers an empty list).',
  query: {
    schema: StaffAccountQuery,
    params: [{ name: 'stationId', key: 'stationId', codec: codec.text, description: 'Only the accounts of this station.' }],
  },
  answer: { status: 200, description: 'The accounts.', schema: StaffAccountList, name: 'StaffAccountList' },
  errors: [...COMMON_ERRORS, 'unauthorized', 'forbidden', 'validation_failed'],
  security: 'staff',
  permission: 'accounts.read',
  cache: NO_STORE,
  checks: TEXT_CHECKS,
});

export const staffListAudit = defineOperation({
  id: 'staffListAudit',
  method: 'GET',
  path: '/staff/audit',
  tag: 'staff',
  summary: 'What one person did, newest first',
  description:
    'Every audit entry that names the account, across every case — changes and views of contact details — with the case\'s reference, ' +
    'the time and the instance that wrote it, in pages (as FixMyStreet\'s admin audit). Administrators only.',
  query: {
    schema: PersonAuditQuery,
    params: [
      { name: 'account', key: 'account', codec: codec.text, description: 'The staff account\'s id (the service account: its 8-hex-digit fingerprint).' },
      { name: 'limit', key: 'limit', codec: codec.integer, description: 'Page size, default 50.' },
      { name: 'offset', key: 'offset', codec: codec.integer, description: 'Entries to skip, default 0.' },
    ],
  },
  answer: { status: 200, description: 'One page of entries and how many there are.', schema: PersonAudit, name: 'PersonAudit' },
  errors: [...COMMON_ERRORS, 'unauthorized', 'forbidden', 'validation_failed'],
  security: 'staff',
  permission: 'audit.read',
  cache: NO_STORE,
  checks: TEXT_CHECKS,
});
