/** Messages on a case in SQL (migration 012): rows in, the sdk's `CaseMessage`s out. The rules are in the sdk's logic/messages.ts. */
import type { CaseMessage, MessagePlan } from '@rights-kit/sdk';
import { iso, type Queryable } from './db.js';

/** Stores the message of a plan of `planCitizenMessage` / `planOfficeQuestion` and the case's `updatedAt` (the caller writes its audit entry). Call inside a transaction with the case locked. */
export async function persistMessage(tx: Queryable, caseId: number, plan: MessagePlan): Promise<void> {
  const m = plan.message;
  await tx.query('INSERT INTO case_messages (case_id, seq, at, author, kind, body, reply_to) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    caseId, m.id, m.at, m.from, m.kind, m.text, m.replyTo ?? null,
  ]);
  await tx.query('UPDATE cases SET updated_at = $2 WHERE id = $1', [caseId, plan.updatedAt]);
}

/** The messages of the cases `ids` (a JSON array of row ids), grouped by case, oldest first. */
export async function messagesOf(db: Queryable, ids: string): Promise<Map<number, CaseMessage[]>> {
  const rows = await db.query<{ case_id: number; seq: number; at: Date; author: CaseMessage['from']; kind: CaseMessage['kind']; body: string; reply_to: number | null }>(
    'SELECT case_id, seq, at, author, kind, body, reply_to FROM case_messages WHERE case_id IN (SELECT (jsonb_array_elements_text($1::jsonb))::int) ORDER BY case_id, seq',
    [ids],
  );
  const by = new Map<number, CaseMessage[]>();
  for (const r of rows) {
    const message: CaseMessage = { id: Number(r.seq), at: iso(r.at), from: r.author, kind: r.kind, text: r.body, ...(r.reply_to !== null ? { replyTo: Number(r.reply_to) } : {}) };
    by.set(Number(r.case_id), [...(by.get(Number(r.case_id)) ?? []), message]);
  }
  return by;
}
