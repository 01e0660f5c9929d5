-- osallistu: the initial schema. Shared by PGlite and PostgreSQL; applied once, in order, and
-- recorded in osa_migrations. Secrets are stored only as SHA-256 hashes; no IP address anywhere.

CREATE TABLE events (
  id                 text PRIMARY KEY,
  title              jsonb NOT NULL,
  languages          jsonb NOT NULL,
  organiser_key_hash text NOT NULL,
  -- The last change's seq: the write path locks this row (FOR UPDATE) to number changes gaplessly.
  seq                bigint NOT NULL DEFAULT 0,
  created_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE activities (
  event_id   text NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  id         text NOT NULL,
  position   integer NOT NULL,
  -- The ActivityDefinition without its phase: an activity starts in its kind's first phase and
  -- every later phase is a recorded change.
  definition jsonb NOT NULL,
  PRIMARY KEY (event_id, id)
);

CREATE TABLE participants (
  event_id   text NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  id         text NOT NULL,
  -- SHA-256 of the device token; NULL for the simulated participants of an event's seed.
  token_hash text,
  simulated  boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, id),
  UNIQUE (event_id, token_hash)
);

CREATE TABLE changes (
  event_id    text NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  seq         bigint NOT NULL,
  activity_id text NOT NULL,
  type        text NOT NULL,
  data        jsonb NOT NULL,
  audience    text NOT NULL,
  at          timestamptz NOT NULL,
  PRIMARY KEY (event_id, seq)
);

CREATE TABLE idempotency (
  event_id    text NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  -- 'participant:<id>' or 'organiser': a key is only ever looked up for the caller who sent it.
  scope       text NOT NULL,
  key         text NOT NULL,
  fingerprint text NOT NULL,
  result      jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, scope, key)
);

CREATE INDEX idempotency_created_at ON idempotency (created_at);
