/**
 * The office's catalogue as one JSON document (issue #14 item 4): its categories (with their questions), stations
 * (confidential whereabouts included: this is the administrator's copy), hotlines and routing rules. Exported with
 * `GET /v1/staff/catalogue`, replaced with `PUT /v1/staff/catalogue` — no SQL. docs/catalogue.md.
 */
import * as z from 'zod/mini';
import { Category } from './category.js';
import { Hotline } from './hotline.js';
import { RoutingRule } from './routing.js';
import { Station } from './station.js';

export const Catalogue = z.object({
  categories: z.array(Category).check(z.minLength(1), z.maxLength(200)),
  stations: z.array(Station).check(z.maxLength(20000)),
  hotlines: z.array(Hotline).check(z.maxLength(200)),
  routing: z.array(RoutingRule).check(z.maxLength(2000)),
});
export type Catalogue = z.infer<typeof Catalogue>;
