/** The list envelopes of the public reads and the meta answers: the answers' schemas the operation table names. */
import * as z from 'zod/mini';
import { Category } from './category.js';
import { Hotline } from './hotline.js';
import { Station } from './station.js';

export const CategoryList = z.object({ categories: z.array(Category) });
export const StationList = z.object({ stations: z.array(Station) });
export const HotlineList = z.object({ hotlines: z.array(Hotline) });
export const Health = z.object({ status: z.enum(['ok', 'unavailable']), storage: z.string() });
/** The OpenAPI document itself; its shape is OpenAPI 3.1's, not ours to restate. */
export const OpenApiDocument = z.record(z.string(), z.unknown());
