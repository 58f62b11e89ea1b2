/**
 * `@rights-kit/sdk/tables` — the contract's tables without their schemas: who may do what (the permission table),
 * a case's statuses and life cycle, and the channels a case comes by. A page that lists cases and offers what a role
 * may do needs them before anything is validated; from here they come without zod (issue #21: the staff desk's
 * first screen). Their own entry, not `@rights-kit/sdk/client`: a bundler that splits code makes every module an
 * entry imports as eager as that entry, and the client's lazily loaded schemas import these too, so through the
 * client they would have grown every page that sends a request. Everything here is also exported by `@rights-kit/sdk`.
 */
export { PERMISSIONS, PERMISSION_NAMES, REACHES, ROLES, type AccessScope, type Permission, type Reach, type RoleName } from './contract/permission-table.js';
export { CASE_STATUSES, CASE_TRANSITIONS, CHANNELS } from './contract/case-statuses.js';
