import type { Category, Receipt, Station } from '@rights-kit/sdk';
import type { Locale } from '../../base/i18n.js';
import type { EvidenceSlot } from '../../form/evidence-slot.js';
import type { FieldHost } from '../../form/fields.js';
import type { PhoneFormat } from '../../form/petition.js';
import type { Step } from '../model.js';
import type { FirstMessages, IntakeMessages } from '../intake-form.messages.js';

/** What a step renderer reads from the form (built by the form on each render). */
export interface StepHost extends FieldHost {
  m: IntakeMessages;
  locale: Locale;
  categories: Category[] | undefined;
  categoriesFailed: boolean;
  /** The office's stations for "where would you like to be helped?" (confidential ones by name only); undefined: not offered. */
  stations: Station[] | undefined;
  hasClient: boolean;
  category: Category | undefined;
  phoneFormat: PhoneFormat;
  emergencyNumber: string;
  hotlineNumber: string;
  /** "Photos or files (optional)": the button that loads the picker, then the picker; undefined when the backend takes no files. */
  evidence: EvidenceSlot | undefined;
  steps: Step[];
  receipt: Receipt | undefined;
  copyStatus: string;
  loadCategories(): void;
  goTo(step: Step): void;
  /** The review's "Change": go to that step, and "Next" returns to the review. */
  change(step: Step): void;
  next(): void;
  copy(what: 'reference' | 'accessCode'): void;
  /** Where the tracker is (`tracker-href`; empty: no link). */
  trackerHref: string;
}

/** What the form itself builds: the same, with only the first screen's words (the later steps add theirs). */
export type FirstStepHost = Omit<StepHost, 'm'> & { m: FirstMessages };
