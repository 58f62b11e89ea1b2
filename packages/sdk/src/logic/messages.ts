/**
 * Messages on a case (issue #15), written once for both backends: what her message or the office's question
 * writes — the message, numbered within the case, and the audit entry that records who added it and when. The
 * text is in the message only; the audit names the message by its number, so the trail never repeats what she wrote.
 */
import type { AuditEntry, CaseMessage, CaseStatus } from '../contract/case.js';
import { ConflictError, ValidationError } from '../errors.js';
import { CITIZEN_ACTOR, who, type AuditActor } from './case-rules.js';

/** What the rules need to know of a stored case. */
export interface MessageState {
  status: CaseStatus;
  messages?: readonly CaseMessage[];
}

/** What adding a message writes; the backend stores exactly this, atomically. */
export interface MessagePlan {
  message: CaseMessage;
  audit: AuditEntry;
  /** Her view changed: the case's `updatedAt` moves (her tracker announces an office question on its next refresh). */
  updatedAt: string;
}

function openFor(c: MessageState): number {
  // A closed case is over: a new message would reach no one (she can ask for help again).
  if (c.status === 'closed') throw new ConflictError('The case is closed; it takes no more messages.', { status: 409, code: 'illegal_transition' });
  return (c.messages?.length ?? 0) + 1;
}

/** Her message: an answer to the office's question `replyTo`, or information she adds. */
export function planCitizenMessage(c: MessageState, input: { text: string; replyTo?: number | undefined }, at: string): MessagePlan {
  const id = openFor(c);
  if (input.replyTo !== undefined && !c.messages?.some((m) => m.id === input.replyTo && m.kind === 'question')) {
    const message = `No question ${input.replyTo} on this case.`;
    throw new ValidationError('Message is not valid.', [{ path: 'replyTo', code: 'invalid_choice', message }], { status: 400 });
  }
  const kind = input.replyTo !== undefined ? 'answer' : 'information';
  const message: CaseMessage = { id, at, from: 'citizen', kind, text: input.text, ...(input.replyTo !== undefined ? { replyTo: input.replyTo } : {}) };
  const note = input.replyTo !== undefined ? `message ${id}, answering ${input.replyTo}` : `message ${id}`;
  return { message, audit: { at, actor: CITIZEN_ACTOR, action: 'message_added', note }, updatedAt: at };
}

/** The office's question to her, asked by `actor`. */
export function planOfficeQuestion(c: MessageState, text: string, ctx: { at: string; actor: AuditActor }): MessagePlan {
  const id = openFor(c);
  const message: CaseMessage = { id, at: ctx.at, from: 'office', kind: 'question', text };
  return { message, audit: { at: ctx.at, ...who(ctx.actor), action: 'question_asked', note: `message ${id}` }, updatedAt: ctx.at };
}
