/**
 * Issue #17 item 5: every cache is bounded. A station-list cache once grew from 100 MB to 2.1 GB over 1,000
 * anonymous requests (each distinct query kept its answer); now answers are held in an LRU bounded by entries
 * and by bytes.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BoundedCache } from '../src/bounded-cache.js';
import { CatalogueAnswers } from '../src/http/catalogue.js';
import type { RightsService } from '../src/service.js';
import { queryStations, type Station, type StationQuery } from '@rights-kit/sdk';
import { generateStations } from '../../../test/bench/locator-stations.mjs';

describe('bounded caches', () => {
  it('BoundedCache drops the least recently used past its entries or its bytes, and never keeps an entry larger than the budget', () => {
    const cache = new BoundedCache<string>({ maxEntries: 3, maxBytes: 100 });
    cache.set('a', 'A', 40);
    cache.set('b', 'B', 40);
    cache.get('a'); // a is now the most recent
    cache.set('c', 'C', 40); // 120 bytes: b, the least recent, goes
    assert.deepEqual([cache.get('a'), cache.get('b'), cache.get('c')], ['A', undefined, 'C']);
    assert.equal(cache.bytes, 80);
    cache.set('d', 'D', 1);
    cache.set('e', 'E', 1); // 4 entries: the least recent (a) goes
    assert.equal(cache.size, 3);
    assert.equal(cache.get('a'), undefined);
    cache.set('huge', 'H', 101);
    assert.equal(cache.get('huge'), undefined, 'larger than the whole budget: not kept');
    assert.ok(cache.bytes <= 100);
  });

  it('1,000 varied anonymous station queries over 2,000 stations keep the station answers within their byte bound', () => {
    const stations = (generateStations as (n: number) => Station[])(2000);
    const service = { catalogVersion: 1, categories: [], hotlines: [], listStations: (q: StationQuery) => queryStations(stations, q) } as unknown as RightsService;
    const answers = new CatalogueAnswers(service);
    let served = 0;
    const heapBefore = process.memoryUsage().heapUsed;
    for (let i = 0; i < 1000; i++) {
      // Every request a different point: the worst case for a cache keyed by query.
      const answer = answers.stations({ near: { lat: 35 + Math.random() * 2, lng: 103 + Math.random() * 2 } });
      served += answer.json!.length;
    }
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    const held = answers.stationAnswers.bytes;
    console.log(`station answers: ${(served / 1e6).toFixed(0)} MB served over 1,000 queries, ${answers.stationAnswers.size} kept, ${(held / 1e6).toFixed(1)} MB held (bound 33.6 MB); heap grew ${(heapGrowth / 1e6).toFixed(0)} MB`);
    assert.ok(served > 100e6, 'the answers together are far larger than the bound');
    assert.ok(held <= 32 * 1024 * 1024, `held ${held} bytes`);
    assert.ok(answers.stationAnswers.size < 1000, 'the byte bound, not the entry count, is what stopped it');
  });
});
