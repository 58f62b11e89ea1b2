import type { ActivityKind } from '@rights-kit/sdk';
import type { EventListMessages, KindWords } from './event-list.messages.js';

/** The English of `<rights-events>`, loaded only when a page asks for English (event-list.messages.ts). */
const en: EventListMessages = {
  listLabel: 'Coming activities',
  kind: (kind: ActivityKind): string =>
    (({ training: 'Training', campaign: 'Campaign', lecture: 'Lecture', forum: 'Forum', reception_day: 'Reception day' }) satisfies KindWords)[kind],
  when: 'When',
  where: 'Where',
  audience: 'For',
  dateTime: (date: string, time: string) => `${date}, ${time}`,
  range: (from: string, to: string) => `${from} to ${to}`,
  zone: (zone: string) => ` (${zone})`,
  loading: 'Loading coming activities…',
  loadFailed: 'The activities could not be loaded just now.',
  retry: 'Try again',
  empty: 'No activities are planned for the coming weeks.',
  noClient: 'Not connected to a service: no activities to show.',
};

export default en;
