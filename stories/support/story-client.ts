import { createClient, type RightsClient } from '@rights-kit/sdk';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';

let client: RightsClient | undefined;

/** One in-browser backend with the demo seed for every story: the same data as the demo portal. */
export function storyClient(): RightsClient {
  client ??= createClient({ backend: memoryBackend({ seed: demoSeed }) });
  return client;
}
