import type { Activity } from '../contract/activity.js';
import type { Category } from '../contract/category.js';
import type { CaseStatus, Channel, TimelineEntry } from '../contract/case.js';
import type { Hotline } from '../contract/hotline.js';
import type { PetitionInput } from '../contract/petition.js';
import type { Role } from '../contract/permissions.js';
import type { RoutingRule } from '../contract/routing.js';
import type { Station } from '../contract/station.js';

/** A case in the demo data, with its access code in clear so a demo visitor can look it up. */
export interface SeedCase {
  reference: string;
  /** Demo only: real access codes exist only as hashes on the server and in the citizen's hands. */
  accessCode: string;
  channel: Channel;
  petition: PetitionInput;
  submittedAt: string;
  status: CaseStatus;
  timeline: TimelineEntry[];
  referredTo?: string;
  /** A warm referral's place: a station of the seed, or an outside body's phone, and what to bring. */
  referral?: { stationId?: string; phone?: string; note?: string };
  deadlineExtended?: boolean;
  /** The station the case belongs to; absent: the county's queue. */
  stationId?: string;
}

/** A demo staff account (demo only: the password is in clear so the demo can print it). */
export interface DemoAccount {
  name: string;
  role: Role;
  stationId?: string;
  password: string;
}

/** The demo data shared by `memoryBackend` (stories, tests) and the reference server's demo mode. */
export interface DemoSeed {
  categories: Category[];
  stations: Station[];
  hotlines: Hotline[];
  /** The office's routing rules, first match wins (docs/routing.md); absent: every unrouted case waits in the county queue. */
  routing?: RoutingRule[];
  cases: SeedCase[];
  /** Staff accounts to create in demo mode (the memory backend's default accounts). */
  accounts?: DemoAccount[];
  /** Trainings, campaigns and reception days the office announced (public, like the stations). */
  activities?: Activity[];
}
