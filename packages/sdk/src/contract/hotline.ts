import * as z from 'zod/mini';
import { Closure, LocalizedText } from './common.js';

export const HotlineChannel = z.enum(['phone', 'sms', 'wechat', 'web', 'text-relay']);
export type HotlineChannel = z.infer<typeof HotlineChannel>;

export const Hotline = z.object({
  id: z.string(),
  name: LocalizedText,
  number: z.string(),
  description: z.optional(LocalizedText),
  /** OpenStreetMap `opening_hours` syntax (`24/7`, `Mo-Fr 08:30-11:30,14:30-17:30`). */
  openingHours: z.string(),
  /** IANA time zone of the opening hours, e.g. `Asia/Shanghai`. */
  timezone: z.string(),
  free: z.boolean(),
  channels: z.array(HotlineChannel),
  emergency: z.optional(z.boolean()),
  /** Whole days the line is closed although its hours say open (public holidays). */
  closures: z.optional(z.array(Closure)),
});
export type Hotline = z.infer<typeof Hotline>;
