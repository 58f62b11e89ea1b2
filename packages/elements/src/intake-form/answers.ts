import type { ReactiveControllerHost } from 'lit';
import { describeIssue } from '@rights-kit/sdk/client';
import type { Category, ErrorIssue } from '@rights-kit/sdk';
import type { Locale } from '../base/i18n.js';
import { fieldOf, type PhoneFormat } from '../form/petition.js';
import type { Value, Values } from '../form/values.js';
import { stepOf, type Step } from './model.js';

/** What the answers need from the form. */
export interface AnswersContext {
  category(): Category | undefined;
  locale(): Locale;
  phoneFormat(): PhoneFormat;
  /** After an answer changed: the form forgets a failed send, keeps the draft, counts characters. */
  changed(path: string, value: Value): void;
}

/**
 * The citizen's answers and what is wrong with them: the values (form/values.ts), the errors shown at the
 * fields, and the error summary at the top. A field is checked when she leaves it (if filled or already in
 * error), a choice as soon as it is made if it was in error, and a step's fields on "Next"; the rules are
 * the petition's (form/petition.ts), the same as the backends'.
 */
export class Answers {
  values: Values = {};
  /** The errors shown at the fields. */
  errors: ErrorIssue[] = [];
  /** The errors listed in the summary at the top (empty: no summary). */
  summary: ErrorIssue[] = [];

  /**
   * The petition's rules (form/petition-rules.ts, with zod), loaded from the moment the form exists so the
   * first screen never waits for them (issue #21); by the time she has answered anything they are here.
   * `whenReady` is for the rare click that comes first (the form waits for it, then acts).
   */
  private rules: typeof import('../form/petition-rules.js') | undefined;
  readonly whenReady: Promise<void>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly ctx: AnswersContext,
  ) {
    this.whenReady = import('../form/petition-rules.js').then((rules) => {
      this.rules = rules;
      // Errors shown before the rules arrived are checked again by them.
      for (const path of new Set(this.errors.map((e) => fieldOf(e.path)))) this.recheck(path);
      this.host.requestUpdate();
    });
  }

  /** Whether the rules have loaded (until then, `check` cannot run). */
  get ready(): boolean {
    return this.rules !== undefined;
  }

  /** Every problem with the answers, one per field, in the order of the form. Only once `ready`. */
  check(): ErrorIssue[] {
    if (!this.rules) throw new Error('The petition rules have not loaded yet: wait for whenReady.');
    return this.rules.validate(this.values, this.ctx.category(), { locale: this.ctx.locale(), phoneFormat: this.ctx.phoneFormat() });
  }

  /** The problems of one step. */
  checkStep(step: Step): ErrorIssue[] {
    return this.check().filter((i) => stepOf(i.path) === step);
  }

  set(path: string, value: Value): void {
    const values = { ...this.values, [path]: value };
    // A choice the citizen has just ruled out is not kept as her preferred channel.
    if (path === 'contact.smsOk' && value === 'no' && values['contact.preferred'] === 'sms') delete values['contact.preferred'];
    this.values = values;
    if (typeof value !== 'string' && this.hasError(path) && this.rules) this.recheck(path);
    this.ctx.changed(path, value);
    this.host.requestUpdate();
  }

  /** She left a field: check it if she filled it or it was already in error (once the rules are here). */
  touch(path: string): void {
    if (!this.rules) return;
    const value = this.values[path];
    const filled = typeof value === 'string' ? value.trim() !== '' : value !== undefined;
    if (filled || this.hasError(path)) {
      this.recheck(path);
      this.host.requestUpdate();
    }
  }

  /** Shows `issues` at their fields and in the summary. */
  show(issues: ErrorIssue[]): void {
    this.errors = issues;
    this.summary = issues;
    this.host.requestUpdate();
  }

  /** A step passed its checks: its fields' errors go. */
  passed(step: Step): void {
    this.errors = this.errors.filter((e) => stepOf(e.path) !== step);
  }

  /** The message at a field, in the citizen's language. */
  errorText(path: string): string | undefined {
    const issue = this.errors.find((e) => fieldOf(e.path) === path);
    return issue ? describeIssue(issue, this.ctx.locale()) : undefined;
  }

  /** Forgets every answer and error (the petition has left the device). */
  clear(): void {
    this.values = {};
    this.errors = [];
    this.summary = [];
  }

  private hasError(path: string): boolean {
    return this.errors.some((e) => fieldOf(e.path) === path);
  }

  private recheck(path: string): void {
    const mine = this.check().filter((i) => fieldOf(i.path) === path);
    this.errors = [...this.errors.filter((e) => fieldOf(e.path) !== path), ...mine];
  }
}
