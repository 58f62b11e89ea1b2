/** The office's notification templates (migration 016): one row, and the trail of who changed it (no words). */
import type { Principal, TemplateSet } from '@rights-kit/sdk';
import type { Queryable } from './db.js';

/** The stored templates, or undefined when no administrator saved any. */
export async function readTemplates(db: Queryable): Promise<TemplateSet | undefined> {
  const rows = await db.query<{ templates: TemplateSet | string }>('SELECT templates FROM notification_templates WHERE id = 1');
  const t = rows[0]?.templates;
  return t === undefined ? undefined : typeof t === 'string' ? (JSON.parse(t) as TemplateSet) : t;
}

/** Saves the templates and records who did it, in one transaction. */
export async function writeTemplates(tx: Queryable, templates: TemplateSet, by: Principal, at: Date, instance?: string): Promise<void> {
  await tx.query(
    `INSERT INTO notification_templates (id, templates, updated_at, updated_by) VALUES (1, $1::jsonb, $2, $3)
     ON CONFLICT (id) DO UPDATE SET templates = EXCLUDED.templates, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [JSON.stringify(templates), at, by.id],
  );
  await tx.query('INSERT INTO notification_template_changes (at, actor, actor_name, actor_role, instance) VALUES ($1, $2, $3, $4, $5)', [at, by.id, by.name, by.role, instance ?? null]);
}
