/**
 * JSX types for the Rights Kit elements in React 19. React 19 passes a prop to a custom element as a
 * property when the element has it (`hotlineNumber`, `reference`, `client`…), otherwise as an attribute
 * (`base-url`, `hotline-id`), and turns `on<event-name>` into `addEventListener('<event-name>')`.
 * These declarations let TypeScript check both.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  RightsCaseLoadedEvent,
  RightsCaseTracker,
  RightsErrorEvent,
  RightsHotlineCard,
  RightsProvider,
  RightsStationLocator,
  RightsStationSelectedEvent,
  RightsSubmittedEvent,
} from '@rights-kit/elements';
import type { RightsIntakeForm } from '@rights-kit/elements/intake-form.js';

type ElementProps<E extends HTMLElement> = DetailedHTMLProps<HTMLAttributes<E>, E> & {
  locale?: string;
  'base-url'?: string;
  'onrights-error'?: (event: RightsErrorEvent) => void;
};

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'rights-provider': ElementProps<RightsProvider> & Partial<Pick<RightsProvider, 'client'>>;
      'rights-intake-form': ElementProps<RightsIntakeForm> &
        Partial<Pick<RightsIntakeForm, 'hotlineNumber' | 'emergencyNumber' | 'phoneFormat' | 'offlineQueue' | 'saveDraft' | 'client'>> & {
          'onrights-submitted'?: (event: RightsSubmittedEvent) => void;
        };
      'rights-case-tracker': ElementProps<RightsCaseTracker> &
        Partial<Pick<RightsCaseTracker, 'reference' | 'pollInterval' | 'client'>> & {
          'onrights-case-loaded'?: (event: RightsCaseLoadedEvent) => void;
        };
      'rights-hotline-card': ElementProps<RightsHotlineCard> &
        Partial<Pick<RightsHotlineCard, 'hotlines' | 'compact' | 'client'>> & { 'hotline-id'?: string };
      'rights-station-locator': ElementProps<RightsStationLocator> &
        Partial<Pick<RightsStationLocator, 'stations' | 'view' | 'client'>> & {
          'onrights-station-selected'?: (event: RightsStationSelectedEvent) => void;
        };
    }
  }
}
