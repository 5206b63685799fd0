-- Idempotent writes (service-commons idempotency): the first answer to a request sent with an
-- Idempotency-Key, one row per (caller, method, path, key), written in the transaction of the change
-- it answers. A repeat with the same request within the retention gets this answer again; rows past
-- expires_at are ignored and deleted by the purge (techbridge.idempotency.*).
CREATE TABLE idempotency_key (
    -- SHA-256 of caller subject, caller organisation, method, path and key; its first 8 bytes are
    -- the key's advisory lock while a request with it is worked on
    scope_hash          bytea        PRIMARY KEY,
    caller_subject      text         NOT NULL,
    caller_organisation text         NOT NULL,
    method              varchar(10)  NOT NULL,
    path                text         NOT NULL,
    idempotency_key     varchar(128) NOT NULL,
    -- SHA-256 of the query parameters, the body's media type and its raw bytes
    request_hash        bytea        NOT NULL,
    status              integer      NOT NULL,
    content_type        text,
    location            text,
    body                bytea        NOT NULL,
    created_at          timestamptz  NOT NULL,
    expires_at          timestamptz  NOT NULL
);

CREATE INDEX idempotency_key_expires_at ON idempotency_key (expires_at);
