-- matching-service: what it has indexed (for idempotency and statistics), the pairs and their
-- pipeline, and the outbox of match-events.

-- The newest version of each achievement and demand applied; an event at or below it is a duplicate.
CREATE TABLE indexed_record (
    aggregate_type   varchar(20)  NOT NULL CHECK (aggregate_type IN ('Achievement', 'Demand')),
    aggregate_id     varchar(64)  NOT NULL,
    version          bigint       NOT NULL,
    organisation_id  varchar(64),
    field_code       varchar(5),
    region_code      varchar(6),
    status           varchar(20)  NOT NULL,
    in_pool          boolean      NOT NULL,
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    PRIMARY KEY (aggregate_type, aggregate_id)
);
CREATE INDEX indexed_record_created_idx ON indexed_record (aggregate_type, created_at);

CREATE TABLE match_pair (
    id                          uuid          PRIMARY KEY,
    demand_id                   varchar(64)   NOT NULL,
    achievement_id              varchar(64)   NOT NULL,
    demand_organisation_id      varchar(64),
    achievement_organisation_id varchar(64),
    field_code                  varchar(5),
    region_code                 varchar(6),
    score                       double precision NOT NULL CHECK (score BETWEEN 0 AND 1),
    explanation                 text          NOT NULL,
    status                      varchar(20)   NOT NULL CHECK (status IN ('PROPOSED', 'WITHDRAWN', 'APPROVED', 'REJECTED',
                                    'INTRODUCED', 'NEGOTIATING', 'CONTRACTED', 'FAILED')),
    reason_code                 varchar(20)   CHECK (reason_code IN ('TOO_EARLY', 'FIELD_MISMATCH', 'BENEFIT_UNCLEAR',
                                    'PRICE_MISMATCH', 'REGION', 'DUPLICATE', 'OTHER')),
    note                        varchar(2000),
    contract_amount_cny         bigint        CHECK (contract_amount_cny >= 0),
    contract_registration_no    varchar(64),
    version                     bigint        NOT NULL,
    created_at                  timestamptz   NOT NULL,
    updated_at                  timestamptz   NOT NULL,
    UNIQUE (demand_id, achievement_id),
    CHECK (status <> 'CONTRACTED' OR contract_amount_cny IS NOT NULL)
);
CREATE INDEX match_pair_queue_idx ON match_pair (status, score DESC);
CREATE INDEX match_pair_achievement_idx ON match_pair (achievement_id);

-- Every move of a pair, with who and when.
CREATE TABLE match_transition (
    id                  bigserial    PRIMARY KEY,
    match_id            uuid         NOT NULL REFERENCES match_pair (id),
    from_status         varchar(20),
    to_status           varchar(20)  NOT NULL,
    actor               varchar(100) NOT NULL,
    reason_code         varchar(20),
    note                varchar(2000),
    contract_amount_cny bigint,
    occurred_at         timestamptz  NOT NULL
);
CREATE INDEX match_transition_match_idx ON match_transition (match_id, id);
CREATE INDEX match_transition_status_idx ON match_transition (to_status, occurred_at);

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
CREATE INDEX outbox_event_unpublished_idx ON outbox_event (id) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published_idx ON outbox_event (published_at) WHERE published_at IS NOT NULL;
