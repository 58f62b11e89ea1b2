/** Stations and hotlines: distance order, filters, and what a confidential station never shows. */
import type { Station, StationKind, StationService } from '../contract/station.js';
import { publicStation } from '../logic/stations.js';
import { assert, show } from './assert.js';
import { haversine, ids, values, type ContractTest } from './fixtures.js';

export const catalogTests: ContractTest[] = [
  {
    name: 'stations near a point come nearest first, each with its distance',
    async run(ctx) {
      const near = { lat: 36.12, lng: 103.85 };
      const stations = await ctx.client.stations.list({ near });
      const located = ctx.seed.stations.map(publicStation).filter((s) => s.location);
      assert.equal(stations.length, ctx.seed.stations.length, 'every station listed');
      const distances = stations.filter((s) => s.location).map((s) => s.distanceMeters);
      assert.ok(distances.every((d) => typeof d === 'number'), 'every located station has distanceMeters');
      for (let i = 1; i < distances.length; i++) assert.ok(distances[i - 1]! <= distances[i]!, `sorted by distance at ${i}: ${distances[i - 1]} then ${distances[i]}`);
      const nearest = located.reduce((a, b) => (haversine(near, a.location!) <= haversine(near, b.location!) ? a : b));
      assert.equal(stations[0]!.id, nearest.id, 'nearest station first');
      const expected = haversine(near, stations[0]!.location!);
      assert.ok(Math.abs(stations[0]!.distanceMeters! - expected) <= Math.max(5, expected * 0.01), `distance ≈ ${Math.round(expected)} m (got ${stations[0]!.distanceMeters})`);
      const limited = await ctx.client.stations.list({ near, limit: 3 });
      assert.deepEqual(limited.map((s) => s.id), stations.slice(0, 3).map((s) => s.id), 'limit keeps the nearest');
    },
  },
  {
    name: 'stations filter by kind and by service (any of those given)',
    async run(ctx) {
      const kinds: StationKind[] = ['shelter', 'legal-aid-station'];
      const byKind = await ctx.client.stations.list({ kinds });
      assert.deepEqual(ids(byKind), ids(ctx.seed.stations.filter((s) => kinds.includes(s.kind))), 'stations of those kinds');
      assert.ok(byKind.length > 0, 'the seed has such stations');
      const services: StationService[] = ['medical', 'counselling'];
      const byService = await ctx.client.stations.list({ services });
      assert.deepEqual(ids(byService), ids(ctx.seed.stations.filter((s) => s.services.some((x) => services.includes(x)))), 'stations offering those services');
      const both = await ctx.client.stations.list({ kinds: ['counselling-room'], services: ['education'] });
      assert.deepEqual(ids(both), ids(ctx.seed.stations.filter((s) => s.kind === 'counselling-room' && s.services.includes('education'))), 'kind and service together');
    },
  },
  {
    name: 'stations filter by district (any locale, any case) and by free text',
    async run(ctx) {
      const withDistrict = ctx.seed.stations.find((s) => s.district !== undefined)!;
      const names = values(withDistrict.district);
      const expected = ids(ctx.seed.stations.filter((s) => values(s.district).some((d) => names.includes(d))));
      for (const name of names) {
        assert.deepEqual(ids(await ctx.client.stations.list({ district: name.toUpperCase() })), expected, `district ${name.toUpperCase()}`);
      }
      const target = ctx.seed.stations[0]!;
      const word = values(target.name).at(-1)!;
      const fragment = word.slice(Math.floor(word.length / 4), Math.floor(word.length / 4) + 4).toLowerCase();
      const found = await ctx.client.stations.list({ q: fragment });
      const haystack = (s: Station) => [s.name, s.address, s.district, s.community].flatMap(values).map((v) => v.toLowerCase());
      const publicStations = ctx.seed.stations.map(publicStation);
      assert.deepEqual(ids(found), ids(publicStations.filter((s) => haystack(s).some((h) => h.includes(fragment)))), `q=${fragment}`);
      assert.ok(found.some((s) => s.id === target.id), `q=${fragment} finds ${target.id}`);
      assert.deepEqual(await ctx.client.stations.list({ q: 'zzz-no-such-station-zzz' }), [], 'no match');
    },
  },
  {
    name: "a confidential station's coordinates, address and community appear in no public answer, whatever the query",
    async run(ctx) {
      const secret = ctx.seed.stations.filter((s) => s.confidential);
      assert.ok(secret.length > 0, 'the seed has a confidential station (a shelter)');
      for (const station of secret) {
        // The address is the station's own; its community may be another (public) station's too, so it is
        // checked on the station's own entry.
        const hidden = values(station.address).filter((v) => v.length >= 2);
        const at = station.location;
        // Queries a prober would try: at its very coordinates, by pieces of its address and community, by
        // its kind, services and district, and everything at once.
        const queries = [
          {},
          ...(at ? [{ near: at }, { near: { lat: at.lat + 0.001, lng: at.lng - 0.001 } }, { near: at, limit: 1 }] : []),
          ...[...hidden, ...values(station.community)].flatMap((h) => [{ q: h }, { q: h.slice(0, Math.max(2, Math.ceil(h.length / 2))) }]),
          { kinds: [station.kind] },
          { services: station.services },
          ...values(station.district).map((district) => ({ district })),
          ...(at ? [{ near: at, kinds: [station.kind], services: station.services }] : []),
        ];
        for (const query of queries) {
          const answer = await ctx.client.stations.list(query);
          const bytes = JSON.stringify(answer);
          for (const h of hidden) assert.ok(!bytes.includes(h), `${show(query)} does not reveal "${h}"`);
          if (at) {
            const there = answer.filter((s) => s.location && haversine(s.location, at) < 1);
            assert.deepEqual(there.map((s) => s.id), [], `${show(query)}: nothing is placed at its coordinates`);
          }
          const listed = answer.find((s) => s.id === station.id);
          if (listed) {
            assert.ok(listed.location === undefined && listed.distanceMeters === undefined, `${show(query)}: no location or distance`);
            assert.ok(listed.address === undefined && listed.community === undefined, `${show(query)}: no address or community`);
            assert.ok(listed.phone === station.phone, `${show(query)}: listed with its phone, to call first`);
            const located = answer.filter((s) => s.location);
            assert.ok(answer.indexOf(listed) >= located.length, `${show(query)}: listed after the located stations`);
          }
        }
      }
    },
  },
  {
    name: 'hotlines are listed with number, hours, time zone and whether they are free',
    async run(ctx) {
      const hotlines = await ctx.client.hotlines.list();
      assert.deepEqual(hotlines.map((h) => h.id).sort(), ctx.seed.hotlines.map((h) => h.id).sort(), 'hotline ids');
      for (const expected of ctx.seed.hotlines) {
        const got = hotlines.find((h) => h.id === expected.id)!;
        assert.deepEqual(
          [got.number, got.openingHours, got.timezone, got.free, got.emergency ?? false, got.closures ?? []],
          [expected.number, expected.openingHours, expected.timezone, expected.free, expected.emergency ?? false, expected.closures ?? []],
          `hotline ${expected.id}`,
        );
      }
    },
  },
];
