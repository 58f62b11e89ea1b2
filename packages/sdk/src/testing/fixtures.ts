/** What every contract test gets, and the helpers the tests share. */
import type { RightsClient } from '../client.js';
import type { CaseStatus } from '../contract/case.js';
import type { LatLng, LocalizedText } from '../contract/common.js';
import type { PetitionInput } from '../contract/petition.js';
import type { Station } from '../contract/station.js';
import { randomKey } from '../internal/random.js';
import type { DemoSeed, SeedCase } from '../seed/types.js';
import { ContractAssertionError } from './assert.js';

export interface ContractContext {
  /** A client for the backend under test. */
  client: RightsClient;
  /** A token the backend's staff API accepts. */
  staffToken: string;
  /** The data the backend was started from. */
  seed: DemoSeed;
  /**
   * The backend's minimum count below which public statistics fold a category into `other-small`
   * (`statsMinimumCount` of memoryBackend, RIGHTS_KIT_STATS_MIN_COUNT of the server). Default 5, the
   * `PUBLIC_STATS_POLICY` both backends start with.
   */
  statsMinimumCount?: number;
  /** Whether the backend publishes figures per station and community (`statsByPlace`). Default off. */
  statsByPlace?: boolean;
}

export interface ContractTest {
  name: string;
  run(ctx: ContractContext): Promise<void>;
}

export const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]+$/;
export const REFERENCE = /^[A-Z]{1,8}-[0-9]{4}-[0-9A-HJKMNP-TV-Z]{6,12}$/;
export const DAY_MS = 86_400_000;

/** A valid petition for a category without required fields. */
export function petition(overrides: Partial<PetitionInput> = {}): PetitionInput {
  return {
    category: 'general',
    description: `Contract suite test petition ${randomKey().slice(0, 8)}: please ignore.`,
    onBehalfOf: 'self',
    anonymous: false,
    contact: { name: 'Test Person', phone: '13800138000', preferred: 'phone', safeToContact: true },
    consent: true,
    locale: 'en',
    ...overrides,
  };
}

export function values(text: LocalizedText | undefined): string[] {
  return text === undefined ? [] : typeof text === 'string' ? [text] : Object.values(text);
}

/** Haversine written out again here, independent of the sdk's, to check the backend's order. */
export function haversine(a: LatLng, b: LatLng): number {
  const r = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(r(b.lat - a.lat) / 2) ** 2 + Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.sin(r(b.lng - a.lng) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

export const ids = (stations: Station[]) => stations.map((s) => s.id).sort();

export function issuePaths(error: { issues?: { path: string }[] }): string[] {
  return (error.issues ?? []).map((i) => i.path);
}

export async function submitFresh(ctx: ContractContext, overrides: Partial<PetitionInput> = {}) {
  const input = petition(overrides);
  const receipt = await ctx.client.petitions.submit(input, { idempotencyKey: randomKey() });
  return { input, receipt };
}

export function firstSeedCase(ctx: ContractContext, status?: CaseStatus): SeedCase {
  const c = ctx.seed.cases.find((k) => status === undefined || k.status === status);
  if (!c) throw new ContractAssertionError(`the seed has no case${status ? ` in status ${status}` : ''}`);
  return c;
}

/** The China calendar day of an instant (UTC+8, no daylight saving). */
export const chinaDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
