-- Webhooks: an organisation's system subscribes a URL to the events it may see; each event for it
-- becomes a delivery, tried until the receiver answers 2xx, with back-off, and kept as a log.

CREATE TABLE webhook_subscription (
    id                    uuid          PRIMARY KEY,
    organisation_id       varchar(64)   NOT NULL,
    url                   varchar(2000) NOT NULL,
    description           varchar(200),
    event_types           text          NOT NULL,
    -- The HMAC key the receiver checks signatures with; it must be kept to sign, so it is not a hash.
    secret                varchar(100)  NOT NULL,
    status                varchar(16)   NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED')),
    -- MANUAL (by pausedBy) or FAILURES (attempts in a row failed); the reason in words for API readers.
    paused_cause          varchar(16)   CHECK (paused_cause IN ('MANUAL', 'FAILURES')),
    paused_by             varchar(200),
    paused_reason         varchar(500),
    paused_at             timestamptz,
    consecutive_failures  integer       NOT NULL DEFAULT 0,
    created_by            varchar(200)  NOT NULL,
    created_at            timestamptz   NOT NULL,
    updated_at            timestamptz   NOT NULL
);
CREATE INDEX webhook_subscription_organisation_idx ON webhook_subscription (organisation_id, created_at);

CREATE TABLE webhook_delivery (
    id               uuid          PRIMARY KEY,
    subscription_id  uuid          NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id         varchar(100)  NOT NULL,
    event_type       varchar(64)   NOT NULL,
    body             text          NOT NULL,
    status           varchar(16)   NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer       NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz   NOT NULL,
    last_attempt_at  timestamptz,
    last_status      integer,
    -- Why the last attempt failed when no HTTP status came back (TIMEOUT, CONNECTION_FAILED, …), and the detail.
    last_error_kind  varchar(24),
    last_error       varchar(500),
    replay_of        uuid,
    created_at       timestamptz   NOT NULL,
    delivered_at     timestamptz
);
-- A consumed event is turned into a subscription's delivery once, however often it is read again.
CREATE UNIQUE INDEX webhook_delivery_event_idx ON webhook_delivery (subscription_id, event_id) WHERE replay_of IS NULL;
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_log_idx ON webhook_delivery (subscription_id, created_at DESC);

-- What the phase-change events need to know of each open challenge: whose it is, its phase as last
-- told, its deadline (the phase moves to JUDGING on the day after it, with no event) and who applied.
CREATE TABLE webhook_challenge (
    demand_id                varchar(64)  PRIMARY KEY,
    version                  bigint       NOT NULL DEFAULT 0,
    organisation_id          varchar(64),
    title                    varchar(200),
    phase                    varchar(16),
    application_deadline     date,
    applicant_organisations  text         NOT NULL DEFAULT ''
);
