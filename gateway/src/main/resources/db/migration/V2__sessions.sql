-- Sessions: a login starts one; its refresh tokens, each used once, keep it going with short-lived
-- access tokens until it expires or ends (logout, the account disabled or given a new password, a
-- refresh token used a second time).
ALTER TABLE user_account
    -- raised when the account is disabled or its password changed: a session started under an
    -- older version can no longer refresh
    ADD COLUMN credentials_version integer NOT NULL DEFAULT 1,
    -- when that last happened: the gateway refuses access tokens issued before it at once
    ADD COLUMN credentials_changed_at timestamptz;

CREATE INDEX user_account_credentials_changed ON user_account (credentials_changed_at)
    WHERE credentials_changed_at IS NOT NULL;

CREATE TABLE auth_session (
    id                  uuid        PRIMARY KEY,
    user_id             uuid        NOT NULL REFERENCES user_account (id),
    -- the account's credentials_version at the login
    credentials_version integer     NOT NULL,
    started_at          timestamptz NOT NULL,
    -- absolute: no refresh extends it
    expires_at          timestamptz NOT NULL,
    ended_at            timestamptz,
    end_reason          varchar(30)
        CHECK (end_reason IN ('LOGOUT', 'CREDENTIALS_CHANGED', 'TOKEN_REUSED')),
    CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);

CREATE INDEX auth_session_open_by_user ON auth_session (user_id) WHERE ended_at IS NULL;
CREATE INDEX auth_session_expires ON auth_session (expires_at);

CREATE TABLE refresh_token (
    -- hex SHA-256 of the token (32 random bytes, base64url); the token itself is never stored
    token_hash  varchar(64) PRIMARY KEY,
    session_id  uuid        NOT NULL REFERENCES auth_session (id) ON DELETE CASCADE,
    issued_at   timestamptz NOT NULL,
    -- when it was exchanged for a successor; presenting it again later ends the session
    replaced_at timestamptz
);

CREATE INDEX refresh_token_session ON refresh_token (session_id);
