import type { ReactiveControllerHost } from 'lit';
import { ValidationError, randomKey } from '@rights-kit/sdk/client';
import type { ErrorIssue, PetitionInput, Receipt } from '@rights-kit/sdk';
import type { Locale } from '../base/i18n.js';
import { isAbort } from '../controllers/data-task.js';
import type { FieldHost } from '../form/fields.js';
import { buildPetition } from '../form/petition.js';
import { describeIssue, validate } from '../form/petition-rules.js';
import { followShown } from '../form/shown-errors.js';
import { fieldId, withValue, type Values } from '../form/values.js';
import type { ScreenContext } from './screen-context.js';
import { problemOf, type RegisterChannel } from './helpers.js';

export const REGISTER_CHANNELS: readonly RegisterChannel[] = ['letter', 'mailbox', 'visit', 'phone'];

/** The registration field an issue is shown at (a missing contact is a question of anonymity). */
const registerFieldPath = (path: string): string => (path === 'contact' ? 'anonymous' : path);

/** Issues of a registration mapped to the register form's fields (a missing contact is the "anonymous" answer). */
function registerFieldErrors(issues: ErrorIssue[], locale: Locale): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = registerFieldPath(issue.path);
    errors[path] ??= describeIssue(issue, locale);
  }
  return errors;
}

/** A new registration starts as a letter from the person herself, not anonymous, not in danger. */
const DEFAULTS: Values = { channel: 'letter', onBehalfOf: 'self', anonymous: 'no', immediateDanger: 'no' };

/**
 * Registering a letter, visit or call: the form's answers and errors (the intake form's own fields and
 * checks, form/petition.ts), the idempotency key of this registration, and its receipt once sent.
 */
export class Registration {
  values: Values = {};
  errors: Record<string, string> = {};
  /** The issues behind `errors`, re-checked as she edits (form/shown-errors.ts), and the fields put right since. */
  private shown: ErrorIssue[] = [];
  private readonly fixedPaths = new Set<string>();
  /** Why sending failed, or how many fields need fixing, above the form. */
  problem: string | undefined;
  receipt: Receipt | undefined;
  saving = false;
  /** One key per registration: sending twice, or again after a timeout, registers it once. */
  private key = randomKey();

  /** The form's fields, for the shared field templates (form/fields.ts). */
  readonly fields: FieldHost;

  constructor(
    private readonly host: ReactiveControllerHost,
    protected readonly ctx: ScreenContext,
  ) {
    this.fields = {
      value: (path) => this.values[path],
      error: (path) => (this.fixedPaths.has(path) ? undefined : this.errors[path]),
      // Like the intake form: an error put right keeps its space until the next submit, so nothing moves.
      fixed: (path) => (this.fixedPaths.has(path) ? this.errors[path] : undefined),
      set: (path, value) => {
        this.values = withValue(this.values, path, value);
        if (this.shown.length) this.follow();
        this.host.requestUpdate();
      },
      blur: () => undefined,
      get optionalText() {
        return ctx.t.optional;
      },
    };
  }

  /** A blank form (with the defaults) and a new key. */
  start(): void {
    this.values = { ...DEFAULTS };
    this.errors = {};
    this.shown = [];
    this.fixedPaths.clear();
    this.problem = undefined;
    this.receipt = undefined;
    this.key = randomKey();
    this.ctx.focusAfterRender('#register-heading');
  }

  /** Forgets the answers and the receipt (another pane opened, a refused token, quick exit). */
  clear(): void {
    this.values = {};
    this.errors = {};
    this.shown = [];
    this.fixedPaths.clear();
    this.problem = undefined;
    this.receipt = undefined;
    this.saving = false;
  }

  /** The receipt is shown only until another pane opens. */
  dropReceipt(): void {
    this.receipt = undefined;
  }

  async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { client, token, t, locale, session } = this.ctx;
    if (!client || !token || this.saving) return;
    this.problem = undefined;
    const issues = this.check();
    if (issues.length) return this.showIssues(issues);
    const channel = this.values['channel'] as RegisterChannel;
    const petition = buildPetition(this.values, this.ctx.categories.find((c) => c.code === this.values['category']), locale) as unknown as PetitionInput;
    const stale = () => session !== this.ctx.session;
    this.saving = true;
    this.host.requestUpdate();
    try {
      const receipt = await client.staff.register({ channel, petition }, { token, idempotencyKey: this.key });
      if (stale()) return;
      this.receipt = receipt;
      this.values = {};
      this.key = randomKey();
      this.ctx.announce(t.registered(receipt.reference));
      this.ctx.focusAfterRender('#receipt-heading');
      this.ctx.listChanged();
    } catch (error) {
      if (stale() || isAbort(error)) return;
      this.ctx.report(error);
      if (error instanceof ValidationError && error.issues.length) {
        this.showIssues(error.issues.map((i) => ({ ...i, path: i.path.replace(/^petition\./, '') })));
        return;
      }
      const problem = problemOf(error);
      if (problem === 'unauthorized') return this.ctx.unauthorized();
      this.problem = problem === 'network' ? t.network : t.server;
      this.ctx.focusAfterRender('#register-problem');
    } finally {
      if (!stale()) {
        this.saving = false;
        this.host.requestUpdate();
      }
    }
  }

  private check(): ErrorIssue[] {
    const category = this.ctx.categories.find((c) => c.code === this.values['category']);
    return validate(this.values, category, { locale: this.ctx.locale, phoneFormat: 'any' });
  }

  private follow(): void {
    this.shown = followShown(this.shown, this.check(), this.fixedPaths, registerFieldPath);
    this.errors = registerFieldErrors(this.shown, this.ctx.locale);
  }

  private showIssues(issues: ErrorIssue[]): void {
    this.shown = issues;
    this.fixedPaths.clear();
    this.errors = registerFieldErrors(issues, this.ctx.locale);
    this.problem = this.ctx.t.fixErrors(Object.keys(this.errors).length);
    const first = Object.keys(this.errors)[0];
    this.ctx.focusAfterRender(first ? `#${fieldId(first)}` : '#register-problem');
    this.host.requestUpdate();
  }
}
