import type { LocatorMessages } from './station-locator.messages.js';

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
  loading: 'Loading stations…',
  loadError: 'The stations could not be loaded. Please try again later.',
  retry: 'Try again',
  loadingMore: 'Loading more filters…',
  partFailed: 'More filters could not be loaded (you may be offline). Search and the list still work.',
  listFailed: 'The list of stations could not be loaded (you may be offline).',
  noClient: 'No data source configured (base-url or client).',
  map: 'Map of stations',
  mapLoading: 'Loading the map…',
  mapError: 'The map could not be loaded. Please use the list.',
};

export default en;
