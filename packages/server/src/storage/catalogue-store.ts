/**
 * The catalogue in SQL: categories, stations, hotlines and routing rules, each a table of JSON rows in the
 * office's order. Replaced whole (an import, the demo seed); the service reloads its copy afterwards.
 *
 * Every write here also sends `NOTIFY rights_kit_catalogue` (delivered when the transaction commits, once per
 * transaction however many writes it made): every instance on the database — the writer too — reloads its copy
 * (service `watchCatalogue`, docs/catalogue.md "Several instances").
 */
import type { Catalogue, RoutingRule, Station } from '@rights-kit/sdk';
import type { Queryable } from './db.js';

/** The channel catalogue changes are announced on. */
export const CATALOGUE_CHANNEL = 'rights_kit_catalogue';

/**
 * Announces a catalogue change to every instance, at commit (nothing if the transaction rolls back). Identical
 * notifications in one transaction are folded into one by the database.
 */
export async function notifyCatalogueChanged(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_notify($1, $2)', [CATALOGUE_CHANNEL, '']);
}

/** Replaces the stations (and their order) in one transaction; call `service.loadCatalog()` after. */
export async function writeStations(tx: Queryable, stations: Station[]): Promise<void> {
  await notifyCatalogueChanged(tx);
  await tx.query('DELETE FROM stations');
  // In batches of rows per statement: 2,000 stations load in a moment even on PGlite.
  for (let i = 0; i < stations.length; i += 200) {
    const batch = stations.slice(i, i + 200);
    await tx.query(
      `INSERT INTO stations (id, position, data) SELECT s->>'id', (ord - 1 + $2::int), s FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(s, ord)`,
      [JSON.stringify(batch), i],
    );
  }
}

export async function writeList(tx: Queryable, table: 'categories' | 'hotlines', key: 'code' | 'id', items: object[]): Promise<void> {
  await notifyCatalogueChanged(tx);
  await tx.query(`DELETE FROM ${table}`);
  await tx.query(
    `INSERT INTO ${table} (${key}, position, data) SELECT s->>'${key}', ord, s FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(s, ord)`,
    [JSON.stringify(items)],
  );
}

/** Replaces the routing rules (and their order) in one transaction; call `service.loadCatalog()` after. */
export async function writeRouting(tx: Queryable, rules: readonly RoutingRule[]): Promise<void> {
  await notifyCatalogueChanged(tx);
  await tx.query('DELETE FROM routing_rules');
  await tx.query('INSERT INTO routing_rules (position, data) SELECT ord, r FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(r, ord)', [JSON.stringify(rules)]);
}

/** Replaces the whole catalogue; call inside a transaction, then `service.loadCatalog()`. */
export async function replaceCatalogue(tx: Queryable, c: Catalogue): Promise<void> {
  await writeList(tx, 'categories', 'code', c.categories);
  await writeList(tx, 'hotlines', 'id', c.hotlines);
  await writeStations(tx, c.stations);
  await writeRouting(tx, c.routing);
}
