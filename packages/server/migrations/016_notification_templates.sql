-- The office's notification templates (issue #16 item 2): one row, saved by an administrator through
-- PUT /v1/staff/notification-templates after the sdk's checkTemplate found no denied word. The worker reads
-- it at send time; it overrides the templates of the server's start options.
CREATE TABLE notification_templates (
  id          integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  -- { "zh-CN": { "email": { "subject", "body" }, "sms": { "body" } }, "en": { … } }
  templates   jsonb NOT NULL,
  updated_at  timestamptz NOT NULL,
  updated_by  text NOT NULL
);

-- Who changed the templates, and when: never the words (they are in the row above, not in a trail or a log).
CREATE TABLE notification_template_changes (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL,
  actor       text NOT NULL,
  actor_name  text NOT NULL,
  actor_role  text NOT NULL,
  instance    text
);
