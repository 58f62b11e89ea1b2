/**
 * The operation table: every HTTP operation of the Rights Kit API, described once. The sdk's
 * `httpBackend`, the reference server's routes and the OpenAPI document (`@rights-kit/sdk/openapi`) are
 * derived from it; a test fails when the server answers a route the table does not describe, or the other
 * way round.
 */
import { addCaseMessage, changeContact, withdrawCase, eraseContact, setCaseNotifications, getOpenApi, getStats, getSubmitChallenge, health, listCategories, listHotlines, listStations, lookupCase, submitPetition } from './public.js';
import { staffSignIn, staffSignOut, staffSsoFinish, staffSsoInfo, staffSsoStart, staffWhoAmI } from './session.js';
import { staffListAccounts, staffListAudit } from './people.js';
import { listActivities, staffCreateActivity, staffUpdateActivity } from './activities.js';
import { staffGetCatalogue, staffPutCatalogue } from './catalogue.js';
import { addCaseAttachment, createUpload, getUpload, sendUploadChunk, staffGetAttachment } from './evidence.js';
import { staffAssignCase, staffAskQuestion, staffGetCase, staffGetReport, staffListCases, staffRegisterCase, staffUpdateCase } from './staff.js';

export const OPERATIONS = {
  listCategories,
  listHotlines,
  listStations,
  getStats,
  listActivities,
  submitPetition,
  getSubmitChallenge,
  lookupCase,
  eraseContact,
  setCaseNotifications,
  addCaseMessage,
  changeContact,
  createUpload,
  sendUploadChunk,
  getUpload,
  addCaseAttachment,
  withdrawCase,
  health,
  getOpenApi,
  staffListCases,
  staffRegisterCase,
  staffGetCase,
  staffUpdateCase,
  staffAskQuestion,
  staffAssignCase,
  staffGetAttachment,
  staffSignIn,
  staffWhoAmI,
  staffSignOut,
  staffSsoInfo,
  staffSsoStart,
  staffSsoFinish,
  staffListAccounts,
  staffListAudit,
  staffGetReport,
  staffCreateActivity,
  staffUpdateActivity,
  staffGetCatalogue,
  staffPutCatalogue,
} as const;
export type OperationId = keyof typeof OPERATIONS;

export * from './define.js';
export { encodeQuery, decodeQuery } from './query.js';
export * as codecs from './codecs.js';
export { CategoryList, StationList, HotlineList, Health, OpenApiDocument } from './public.js';
