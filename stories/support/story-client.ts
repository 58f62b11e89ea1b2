import { createClient, NetworkError, type RightsClient } from '@rights-kit/sdk';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';

/**
 * The instant every story lives at: Monday 23 November 2026, 10:00 in Shanghai. The demo seed's overdue
 * flags assume late November 2026, and office hotlines are open at this time, so every story looks the
 * same whatever day Storybook is opened (and the axe test checks the same pixels every day).
 */
export const STORY_NOW = new Date('2026-11-23T02:00:00Z');
/** The same Monday at 20:00 in Shanghai: office lines closed, 24/7 lines open. */
export const STORY_EVENING = new Date('2026-11-23T12:00:00Z');
export const storyClock = (): Date => new Date(STORY_NOW);

let client: RightsClient | undefined;

/** One in-browser backend with the demo seed for every story: the same data as the demo portal. */
export function storyClient(): RightsClient {
  client ??= createClient({ backend: memoryBackend({ seed: demoSeed, now: storyClock }) });
  return client;
}

/**
 * A client over its own copy of the demo data, for stories that write (petitions, staff actions), so what
 * they register never changes the figures and cases other stories show.
 */
export function isolatedClient(): RightsClient {
  return createClient({ backend: memoryBackend({ seed: demoSeed, now: storyClock }) });
}

type Failable = 'listCategories' | 'submitPetition' | 'lookupCase' | 'listStations' | 'listHotlines' | 'getStats' | 'listActivities';
const ALL: Failable[] = ['listCategories', 'submitPetition', 'lookupCase', 'listStations', 'listHotlines', 'getStats', 'listActivities'];

/**
 * A client over the demo data whose calls (all, or the ones named) fail as a lost connection would:
 * for the error states.
 */
export function failingClient(only: Failable[] = ALL): RightsClient {
  const base = memoryBackend({ seed: demoSeed, now: storyClock });
  const fail = () => Promise.reject(new NetworkError('The network is unreachable (story)'));
  return createClient({ backend: { ...base, ...Object.fromEntries(only.map((name) => [name, fail])) } });
}
