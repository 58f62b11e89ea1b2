import { createContext } from '@lit/context';
import type { RightsClient } from '@rights-kit/sdk';

/** What `<rights-provider>` hands to every kit element inside it. */
export interface RightsContextValue {
  client?: RightsClient;
  locale?: string;
}

export const rightsContext = createContext<RightsContextValue>(Symbol.for('rights-kit.context'));
