-- API keys: how a machine (a university's research-management system, an enterprise's ERP) calls
-- TechBridge without holding a person's password. Issued by the platform operator for one
-- organisation; the secret is shown once and kept only as its SHA-256 (it is 256 random bits, so
-- a slow hash adds nothing); revoked keys stay listed.
CREATE TABLE api_key (
    id              uuid         PRIMARY KEY,
    organisation_id varchar(64)  NOT NULL REFERENCES organisation (id),
    name            varchar(100) NOT NULL,
    -- READ: GET only; WRITE: whatever the organisation's role may do
    scope           varchar(10)  NOT NULL CHECK (scope IN ('READ', 'WRITE')),
    secret_sha256   varchar(64)  NOT NULL,
    created_at      timestamptz  NOT NULL,
    created_by      varchar(200) NOT NULL,
    last_used_at    timestamptz,
    revoked_at      timestamptz
);

CREATE INDEX api_key_organisation ON api_key (organisation_id);
