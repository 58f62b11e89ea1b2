-- OpenID Connect sign-in (issue #13; docs/staff-accounts.md "Single sign-on").
-- The provider's subject of a staff account: who she is at the office's identity provider.
ALTER TABLE staff_accounts ADD COLUMN oidc_subject text UNIQUE;

-- Sign-ins under way: the state (as its SHA-256), the nonce and the PKCE verifier, and the hash of a value only
-- the browser that started holds (its cookie), so a code cannot be finished in another browser. Used once, kept
-- ten minutes at most; shared by every instance (the provider may send her back to another one).
CREATE TABLE oidc_logins (
  state_hash    text PRIMARY KEY,
  binding_hash  text NOT NULL,
  nonce         text NOT NULL,
  verifier      text NOT NULL,
  created_at    timestamptz NOT NULL
);
