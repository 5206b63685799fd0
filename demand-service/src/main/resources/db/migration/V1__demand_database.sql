-- The enterprise technology-demand library (企业技术需求库) and its transactional outbox.
-- The CHECK constraints repeat the rules of the API, so no path around it can store what it would refuse.

CREATE TABLE demand (
    id                              uuid          PRIMARY KEY,
    organisation_id                 varchar(64)   NOT NULL CHECK (organisation_id ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'),
    enterprise                      varchar(200)  NOT NULL CHECK (btrim(enterprise) <> ''),
    title                           varchar(200)  NOT NULL CHECK (btrim(title) <> ''),
    problem                         varchar(4000) NOT NULL CHECK (btrim(problem) <> ''),
    indicators                      varchar(2000),
    field_code                      varchar(5)    NOT NULL CHECK (field_code ~ '^[0-9]{2}(\.[0-9]{2})?$'),
    keywords                        jsonb         NOT NULL
        CHECK (jsonb_typeof(keywords) = 'array' AND jsonb_array_length(keywords) BETWEEN 1 AND 10),
    budget_min_cny                  bigint        CHECK (budget_min_cny BETWEEN 0 AND 1000000000000),
    budget_max_cny                  bigint        CHECK (budget_max_cny BETWEEN 0 AND 1000000000000),
    budget_negotiable               boolean       NOT NULL,
    valid_until                     date          NOT NULL,
    region_code                     varchar(6)    NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
    cooperation_modes               jsonb         NOT NULL
        CHECK (jsonb_typeof(cooperation_modes) = 'array' AND jsonb_array_length(cooperation_modes) BETWEEN 1 AND 5),
    min_trl                         smallint      CHECK (min_trl BETWEEN 1 AND 9),
    confidentiality                 varchar(16)   NOT NULL CHECK (confidentiality IN ('PUBLIC', 'BROKERS_ONLY')),
    challenge_goal                  varchar(2000) CHECK (btrim(challenge_goal) <> ''),
    challenge_indicators            varchar(2000),
    challenge_bounty_cny            bigint        CHECK (challenge_bounty_cny BETWEEN 0 AND 1000000000000),
    challenge_application_deadline  date,
    challenge_judging_deadline      date,
    contact_name                    varchar(50)   NOT NULL CHECK (btrim(contact_name) <> ''),
    contact_phone                   varchar(40),
    contact_email                   varchar(254),
    status                          varchar(16)   NOT NULL
        CHECK (status IN ('OPEN', 'IN_NEGOTIATION', 'SOLVED', 'CLOSED', 'EXPIRED')),
    status_reason                   varchar(500),
    version                         bigint        NOT NULL CHECK (version >= 1),
    created_at                      timestamptz   NOT NULL,
    updated_at                      timestamptz   NOT NULL,

    CONSTRAINT demand_budget_order CHECK (budget_min_cny IS NULL OR budget_max_cny IS NULL OR budget_min_cny <= budget_max_cny),
    CONSTRAINT demand_budget_given CHECK (budget_negotiable OR budget_min_cny IS NOT NULL OR budget_max_cny IS NOT NULL),
    CONSTRAINT demand_contact_reachable CHECK (contact_phone IS NOT NULL OR contact_email IS NOT NULL),
    -- A challenge is all there (goal, bounty, both deadlines; indicators optional) or not at all.
    CONSTRAINT demand_challenge_complete CHECK (
        (challenge_goal IS NULL AND challenge_indicators IS NULL AND challenge_bounty_cny IS NULL
            AND challenge_application_deadline IS NULL AND challenge_judging_deadline IS NULL)
        OR (challenge_goal IS NOT NULL AND challenge_bounty_cny IS NOT NULL
            AND challenge_application_deadline IS NOT NULL AND challenge_judging_deadline IS NOT NULL)),
    CONSTRAINT demand_challenge_deadlines CHECK (challenge_judging_deadline >= challenge_application_deadline),
    CONSTRAINT demand_challenge_within_validity CHECK (challenge_judging_deadline <= valid_until)
);

-- The listing: newest change first, and its filters. The pattern operator classes let the
-- prefix searches (field 04 → 04.%, region 330000 → 33%) use the index whatever the collation.
CREATE INDEX demand_updated_idx ON demand (updated_at DESC, id);
CREATE INDEX demand_organisation_idx ON demand (organisation_id);
CREATE INDEX demand_field_idx ON demand (field_code varchar_pattern_ops);
CREATE INDEX demand_region_idx ON demand (region_code varchar_pattern_ops);
CREATE INDEX demand_status_idx ON demand (status);
CREATE INDEX demand_confidentiality_idx ON demand (confidentiality);

-- The expiry scan reads only the demands that can still expire, oldest validity first.
CREATE INDEX demand_expiry_idx ON demand (valid_until, id) WHERE status IN ('OPEN', 'IN_NEGOTIATION');

CREATE TABLE outbox_event (
    id                  bigserial    PRIMARY KEY,
    event_id            uuid         NOT NULL UNIQUE,
    aggregate_type      varchar(40)  NOT NULL,
    aggregate_id        varchar(64)  NOT NULL,
    aggregate_version   bigint       NOT NULL,
    event_type          varchar(60)  NOT NULL,
    envelope            text         NOT NULL,
    created_at          timestamptz  NOT NULL,
    published_at        timestamptz
);

-- The relay reads only what is waiting; relayed rows are kept a while and then deleted.
CREATE INDEX outbox_event_unpublished_idx ON outbox_event (id) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published_idx ON outbox_event (published_at) WHERE published_at IS NOT NULL;
