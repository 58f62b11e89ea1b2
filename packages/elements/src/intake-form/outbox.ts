/**
 * The outbox from `@rights-kit/sdk/outbox`, loaded with `import()` only when the host sets
 * `offline-queue`, so pages without it never download it.
 */
import type { RightsClient } from '@rights-kit/sdk';
import type { Outbox } from '@rights-kit/sdk/outbox';

export type OutboxLike = Outbox;

export async function loadOutbox(client: RightsClient): Promise<Outbox> {
  const { createOutbox } = await import('@rights-kit/sdk/outbox');
  return createOutbox({ client });
}
