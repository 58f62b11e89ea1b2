import type { Category, Receipt, StaffCase } from '@rights-kit/sdk';
import type { Locale } from '../../base/i18n.js';
import type { FieldHost } from '../../intake-form/fields.js';
import type { Values } from '../../intake-form/model.js';
import type { DeskMessages } from '../case-desk.messages.js';
import type { Action, ActionField, ActionValues, Filters, Problem } from '../helpers.js';

/** What the desk's render pieces read from the element (built by the element on each render). */
export interface DeskHost {
  t: DeskMessages;
  locale: Locale;
  categories: Category[];
  filters: Filters;
  /** The loaded cases in the chosen order. */
  rows: StaffCase[];
  /** How many cases are loaded, and how many match the filters. */
  loaded: number;
  total: number;
  newestFirst: boolean;
  loading: boolean;
  problem: Problem | undefined;
  selected: StaffCase | undefined;
  action: Action | undefined;
  actionValues: ActionValues;
  actionErrors: Record<string, string>;
  actionProblem: string | undefined;
  saving: boolean;
  registerValues: Values;
  registerProblem: string | undefined;
  receipt: Receipt | undefined;
  /** Values and errors of the register form, keyed by petition path, for the intake form's field renderers. */
  registerFields: FieldHost;
  reload(): void;
  applyFilters(event: SubmitEvent): void;
  clearFilters(): void;
  toggleSort(): void;
  loadMore(): void;
  open(reference: string): void;
  openRegister(): void;
  startAction(action: Action): void;
  setActionValue(name: ActionField, value: string): void;
  submitAction(event: SubmitEvent): void;
  cancelAction(): void;
  submitRegistration(event: SubmitEvent): void;
}
