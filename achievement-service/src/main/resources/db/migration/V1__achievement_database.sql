-- The achievement database (科技成果库) and its transactional outbox.

CREATE TABLE achievement (
    id                  uuid         PRIMARY KEY,
    organisation_id     varchar(64)  NOT NULL,
    institution         varchar(200) NOT NULL,
    title               varchar(200) NOT NULL,
    summary             text         NOT NULL,
    keywords            jsonb        NOT NULL,
    field_code          varchar(5)   NOT NULL,
    trl                 smallint     NOT NULL CHECK (trl BETWEEN 1 AND 9),
    ip_forms            jsonb        NOT NULL,
    patent_numbers      jsonb        NOT NULL,
    transfer_modes      jsonb        NOT NULL,
    price_min_cny       bigint       CHECK (price_min_cny >= 0),
    price_max_cny       bigint       CHECK (price_max_cny >= 0),
    price_negotiable    boolean      NOT NULL,
    free_trial_licence  boolean      NOT NULL,
    advantages          text,
    region_code         varchar(6)   NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
    inventors           jsonb        NOT NULL,
    contact_name        varchar(50)  NOT NULL,
    contact_phone       varchar(40),
    contact_email       varchar(254),
    status              varchar(16)  NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'WITHDRAWN', 'TRANSFERRED')),
    status_reason       varchar(500),
    version             bigint       NOT NULL,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    CHECK (price_min_cny IS NULL OR price_max_cny IS NULL OR price_min_cny <= price_max_cny)
);

CREATE INDEX achievement_updated_idx ON achievement (updated_at DESC, id);
CREATE INDEX achievement_organisation_idx ON achievement (organisation_id);
CREATE INDEX achievement_field_idx ON achievement (field_code);
CREATE INDEX achievement_region_idx ON achievement (region_code);
CREATE INDEX achievement_status_idx ON achievement (status);

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
