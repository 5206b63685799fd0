-- The audit trail: who did what security-relevant thing, when, in which request, and how it ended.
-- Written by the gateway, which every call passes; kept (not purged): an operator answers for it.
CREATE TABLE audit_event (
    id                 bigserial    PRIMARY KEY,
    occurred_at        timestamptz  NOT NULL,
    -- what was attempted, e.g. LOGIN, USER_UPDATED, MATCH_DECIDED, ACHIEVEMENT_MERGED, CHALLENGE_AWARDED
    action             varchar(40)  NOT NULL,
    -- SUCCEEDED (2xx), REFUSED (4xx: not allowed, invalid, conflicting), FAILED (5xx or no answer)
    outcome            varchar(10)  NOT NULL CHECK (outcome IN ('SUCCEEDED', 'REFUSED', 'FAILED')),
    status             integer      NOT NULL,
    -- the account (token subject) and its login name, role and organisation; for a login, the name typed
    actor_id           varchar(64),
    actor_name         varchar(200),
    actor_role         varchar(20),
    actor_organisation varchar(64),
    -- the record acted on: an id from the path, or the created record's Location
    target             varchar(300),
    method             varchar(10)  NOT NULL,
    path               varchar(500) NOT NULL,
    request_id         varchar(100),
    client_address     varchar(64)
);

CREATE INDEX audit_event_occurred ON audit_event (occurred_at DESC, id DESC);
CREATE INDEX audit_event_actor ON audit_event (lower(actor_name), occurred_at DESC);
CREATE INDEX audit_event_action ON audit_event (action, occurred_at DESC);
