-- osallistu: invitations. The operator hands an organiser an invitation link instead of the admin
-- token; each event created with it takes one of its uses, in the same transaction as the event.
-- The token is stored only as its SHA-256 hash. Kept after expiry, so a late visitor is told that
-- the invitation expired or was used up rather than that it never existed.

CREATE TABLE invitations (
  token_hash text PRIMARY KEY,
  uses       integer NOT NULL CHECK (uses > 0),
  uses_left  integer NOT NULL CHECK (uses_left >= 0 AND uses_left <= uses),
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
