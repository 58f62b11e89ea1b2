import type { ReactiveControllerHost } from 'lit';
import type { Category, ErrorIssue } from '@rights-kit/sdk';
import type { Locale } from '../base/i18n.js';
import type { PhoneFormat } from '../form/petition.js';
import { loadRules } from '../form/rules-loader.js';
import { followShown } from '../form/shown-errors.js';
import { fieldOf, type Value, type Values } from '../form/values.js';
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
 * fields, and the error summary at the top. The rules are the petition's (form/petition-rules.ts), the same as
 * the backends'.
 *
 * When: a step's fields are checked on "Next" (and all of them on "Send"), as GOV.UK does — never when she
 * leaves a field; a shown error follows her answer (form/shown-errors.ts), and a fixed one's summary entry
 * is struck through.
 */
export class Answers {
  values: Values = {};
  /** The errors shown at the fields (those in `fixed` are put right since, and shown as such). */
  errors: ErrorIssue[] = [];
  /** The errors listed in the summary at the top (empty: no summary). */
  summary: ErrorIssue[] = [];
  /** Fields (control paths) whose shown error she has put right since the last check. */
  private readonly fixed = new Set<string>();

  /**
   * The petition's rules (form/petition-rules.ts, with zod), loaded from the moment the form exists so the
   * first screen never waits for them (issue #21); by the time she presses "Next" they are here.
   * `whenReady` is for the rare press that comes first (the form waits for it, then acts).
   */
  private rules: typeof import('../form/petition-rules.js') | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly ctx: AnswersContext,
  ) {
    // Started at once; a failure here is met again (and told to her) by the press that waits for `whenReady`.
    this.whenReady.catch(() => undefined);
  }

  /** Settles when the rules are here; after a failed load, asking again tries again. */
  get whenReady(): Promise<void> {
    return loadRules().then((rules) => {
      if (this.rules) return;
      this.rules = rules;
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
    // The `change` that follows `input` when she leaves a text field repeats the value: nothing to do.
    if (typeof value === 'string' && this.values[path] === value) return;
    const values = { ...this.values, [path]: value };
    // A choice the citizen has just ruled out is not kept as her preferred channel.
    if (path === 'contact.smsOk' && value === 'no' && values['contact.preferred'] === 'sms') delete values['contact.preferred'];
    this.values = values;
    // Errors shown by the server's answer can come before the rules only if they failed to load: then none to follow.
    if (this.errors.length && this.rules) this.follow();
    this.ctx.changed(path, value);
    this.host.requestUpdate();
  }

  /** She left a field: nothing is checked (see the class comment). Kept for the fields' shared `blur` hook. */
  touch(_path: string): void {}

  /** Shows `issues` at their fields and in the summary. */
  show(issues: ErrorIssue[]): void {
    this.errors = issues;
    this.summary = issues;
    this.fixed.clear();
    this.host.requestUpdate();
  }

  /** A step passed its checks: its fields' errors go. */
  passed(step: Step): void {
    this.errors = this.errors.filter((e) => stepOf(e.path) !== step);
    for (const path of [...this.fixed]) if (stepOf(path) === step) this.fixed.delete(path);
  }

  /** The message at a field, in the citizen's language (none once she put it right). */
  errorText(path: string): string | undefined {
    return this.fixed.has(path) ? undefined : this.messageAt(path);
  }

  /** The message of an error she has put right: kept, invisible, where it was, so the page does not move. */
  fixedText(path: string): string | undefined {
    return this.fixed.has(path) ? this.messageAt(path) : undefined;
  }

  /** Whether the summary's entry for `issue` has been put right. */
  isFixed(issue: ErrorIssue): boolean {
    return this.fixed.has(fieldOf(issue.path));
  }

  /** Forgets every answer and error (the petition has left the device). */
  clear(): void {
    this.values = {};
    this.errors = [];
    this.summary = [];
    this.fixed.clear();
  }

  /**
   * An issue in the citizen's language. The messages come with the rules (form/petition-rules.ts), which every
   * issue shown waits for; if they could not load, the issue's own message.
   */
  describe(issue: ErrorIssue): string {
    return this.rules ? this.rules.describeIssue(issue, this.ctx.locale()) : issue.message;
  }

  private messageAt(path: string): string | undefined {
    const issue = this.errors.find((e) => fieldOf(e.path) === path);
    return issue ? this.describe(issue) : undefined;
  }

  /**
   * Re-checks the fields that show an error (an answer can fix another field's error too: choosing email
   * instead of a phone call leaves the phone number's error behind). A field without a shown error gets
   * none here: new errors wait for "Next".
   */
  private follow(): void {
    this.errors = followShown(this.errors, this.check(), this.fixed, fieldOf);
  }
}
