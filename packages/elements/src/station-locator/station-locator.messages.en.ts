import type { StationKind } from '@rights-kit/sdk';
import type { LocatorMessages } from './station-locator.messages.js';

type Kinds = Record<StationKind, string>;

export const enKinds: Kinds = {
  'rights-centre': 'Rights centre',
  'dv-complaint-station': 'Domestic-violence complaint station',
  'community-service-point': 'Community service point',
  'legal-aid-station': 'Legal-aid station',
  'injury-assessment-centre': 'Injury-assessment centre',
  'counselling-room': 'Counselling room',
  shelter: 'Shelter',
  other: 'Other',
};

/** The locator's English, loaded only when a page asks for English (station-locator.messages.ts). */
const en: LocatorMessages = {
  regionLabel: 'Find a rights station',
  filters: 'Filter stations',
  moreFilters: 'More filters',
  activeFilters: (n: number) => ` (${n} chosen)`,
  search: 'Search',
  searchHint: 'Station name or address, in Chinese or English',
  useLocation: 'Use my location',
  locating: 'Finding your location…',
  clearLocation: 'Stop using my location',
  locationPrivacy: 'Your location is used on this device only, to compute distances. It is not sent anywhere.',
  locationPrivacyServer: "Your location is sent to this site's server to find stations near you.",
  locationTiles: (host: string) => `The map loads pictures of the area around you from ${host}.`,
  locationDenied: 'Location permission was not given. You can choose your district above instead to find stations near you.',
  locationUnavailable: 'Your location is not available right now. You can choose your district above instead.',
  pickDistrict: 'Choose a district',
  sortedByDistance: 'Sorted nearest first.',
  count: (n: number) => (n === 1 ? '1 station found' : `${n.toLocaleString('en')} stations found`),
  countAnnounce: (n: number) => (n === 0 ? 'No stations match' : n === 1 ? '1 station found' : `${n.toLocaleString('en')} stations found`),
  none: 'No stations match. Remove a filter, or clear the filters.',
  loading: 'Loading stations…',
  loadError: 'The stations could not be loaded. Please try again later.',
  retry: 'Try again',
  loadingMore: 'Loading more filters…',
  partFailed: 'More filters could not be loaded (you may be offline). Search and the list still work.',
  noClient: 'No data source configured (base-url or client).',
  address: 'Address',
  addressConfidential: 'Kept confidential — please call first',
  hours: 'Opening hours',
  phone: 'Phone',
  call: (phone: string) => `Call ${phone}`,
  distance: 'Distance',
  colon: ': ',
  openNowStatus: 'Open now',
  closedNowStatus: 'Closed now',
  closesAt: (time: string) => `closes ${time}`,
  opensAt: (time: string) => `opens ${time}`,
  hoursUnknown: 'Please phone to check opening hours',
  map: 'Map of stations',
  mapLoading: 'Loading the map…',
  mapError: 'The map could not be loaded. Please use the list.',
};

export default en;
