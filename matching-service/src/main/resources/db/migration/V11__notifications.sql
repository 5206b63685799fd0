-- Notifications in the console and by e-mail, and saved searches.
-- The events organisations hear of by webhook (webhook.EventAudience) also become notifications of
-- the recipient organisation; a saved search's new hits become a notification of its owner alone.

CREATE TABLE notification (
    id               bigserial     PRIMARY KEY,
    organisation_id  varchar(64)   NOT NULL,
    -- Set for a notification of one user only (a saved search's); null: every user of the organisation.
    user_id          varchar(200),
    type             varchar(64)   NOT NULL,
    event_id         varchar(200)  NOT NULL,
    occurred_at      timestamptz   NOT NULL,
    -- Records named by id, with their titles as the organisation may read them; never a contact.
    data             text          NOT NULL,
    created_at       timestamptz   NOT NULL
);
-- An event consumed twice is one notification per organisation.
CREATE UNIQUE INDEX notification_event_idx ON notification (organisation_id, event_id);
CREATE INDEX notification_inbox_idx ON notification (organisation_id, id DESC);

-- Per user: which types it sees in the console and gets by e-mail, and where to. No row: every type
-- in the console, none by e-mail.
CREATE TABLE notification_preference (
    user_id          varchar(200)  PRIMARY KEY,
    organisation_id  varchar(64)   NOT NULL,
    console_types    text          NOT NULL,
    email_types      text          NOT NULL,
    email            varchar(254),
    updated_at       timestamptz   NOT NULL
);
CREATE INDEX notification_preference_organisation_idx ON notification_preference (organisation_id);

-- Per user and organisation: every notification up to this id is read.
CREATE TABLE notification_read (
    user_id          varchar(200)  NOT NULL,
    organisation_id  varchar(64)   NOT NULL,
    read_up_to       bigint        NOT NULL,
    PRIMARY KEY (user_id, organisation_id)
);

-- An e-mail to send, written in the transaction of its notification, sent by a worker with retries.
CREATE TABLE notification_email (
    id               uuid          PRIMARY KEY,
    notification_id  bigint        NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
    user_id          varchar(200)  NOT NULL,
    address          varchar(254)  NOT NULL,
    subject          varchar(300)  NOT NULL,
    body             text          NOT NULL,
    status           varchar(16)   NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts         integer       NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz   NOT NULL,
    last_error       varchar(500),
    created_at       timestamptz   NOT NULL,
    sent_at          timestamptz
);
CREATE UNIQUE INDEX notification_email_once_idx ON notification_email (notification_id, user_id);
CREATE INDEX notification_email_due_idx ON notification_email (next_attempt_at) WHERE status = 'PENDING';

-- A user's saved search: the words and filters of GET /api/search, over the side its role looks for.
CREATE TABLE saved_search (
    id               uuid          PRIMARY KEY,
    user_id          varchar(200)  NOT NULL,
    organisation_id  varchar(64)   NOT NULL,
    name             varchar(100)  NOT NULL,
    query_text       varchar(200),
    record_type      varchar(16)   NOT NULL CHECK (record_type IN ('achievement', 'demand')),
    field_code       varchar(16),
    region_code      varchar(6),
    min_trl          integer,
    created_at       timestamptz   NOT NULL,
    -- Records changed up to this time have been looked at.
    checked_through  timestamptz   NOT NULL
);
CREATE INDEX saved_search_user_idx ON saved_search (user_id, created_at);

-- The records a saved search has already told of: each once, however often the check runs.
CREATE TABLE saved_search_hit (
    saved_search_id  uuid          NOT NULL REFERENCES saved_search (id) ON DELETE CASCADE,
    record_id        varchar(64)   NOT NULL,
    notified_at      timestamptz   NOT NULL,
    PRIMARY KEY (saved_search_id, record_id)
);
