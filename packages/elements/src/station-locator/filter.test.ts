import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { publicStations, queryStations, STATION_KINDS, STATION_SERVICES, type Station, type StationQuery } from '@rights-kit/sdk';
import { demoSeed } from '@rights-kit/sdk/seed';
import { buildIndex, distancesFrom, filterIndex } from './filter.js';
import { generateStations } from '../../../../test/bench/locator-stations.mjs';

// Some stations without a location, to check they go last when sorting by distance, as in queryStations.
// The element filters what `publicStations` gives it (a confidential station stripped and last), as the backends do.
const stations: Station[] = publicStations([
  ...demoSeed.stations,
  ...(generateStations(400, 7) as Station[]).map((s, i) => (i % 50 === 0 ? { ...s, location: undefined } : s)),
]);
const index = buildIndex(stations);
const words = ['北山', '城关', 'legal', 'LEGAL AID', 'Ｌｅｇａｌ', 'community', '社区', 'No. 1', '河西区', 'xigu', ' Hexi ', 'zzz'];
const districts = ['城关区', 'chengguan', 'Hexi', '北山镇', 'Xigu', '西固区', 'nowhere'];

describe('the locator filter', () => {
  it('returns the same stations in the same order as the sdk queryStations for any query', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            kinds: fc.subarray([...STATION_KINDS]),
            services: fc.subarray([...STATION_SERVICES]),
            district: fc.constantFrom(...districts),
            q: fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 3 })),
            near: fc.record({ lat: fc.double({ min: 35.5, max: 36.6, noNaN: true }), lng: fc.double({ min: 103.2, max: 104.4, noNaN: true }) }),
          },
          { requiredKeys: [] },
        ),
        (query: StationQuery) => {
          const expected = queryStations(stations, query).map((s) => s.id);
          const actual = filterIndex(index, { ...query, distances: query.near ? distancesFrom(index, query.near) : undefined }).map((e) => e.station.id);
          expect(actual).to.deep.equal(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
