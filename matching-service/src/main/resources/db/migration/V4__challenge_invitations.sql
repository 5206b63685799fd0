-- Open challenges: the terms matching needs from a challenge demand's events, and the
-- organisations invited to apply, with why.

-- A challenge demand's application deadline and bounty, from its newest applied event; a newer
-- version without a challenge clears the terms.
CREATE TABLE challenge_terms (
    demand_id             varchar(64)  PRIMARY KEY,
    version               bigint       NOT NULL,
    application_deadline  date,
    bounty_cny            bigint       CHECK (bounty_cny >= 0),
    updated_at            timestamptz  NOT NULL
);

-- One invitation per demand and organisation, never retracted: the organisation's best-matching
-- achievement when it was invited, its score and the demand's terms found in it.
CREATE TABLE challenge_invitation (
    demand_id               varchar(64)       NOT NULL,
    organisation_id         varchar(64)       NOT NULL,
    organisation_name       varchar(200),
    demand_organisation_id  varchar(64),
    achievement_id          varchar(64)       NOT NULL,
    achievement_title       varchar(200)      NOT NULL,
    score                   double precision  NOT NULL CHECK (score BETWEEN 0 AND 1),
    matched_terms           text              NOT NULL,
    invited_at              timestamptz       NOT NULL,
    PRIMARY KEY (demand_id, organisation_id)
);
-- A university lists its invitations, newest first.
CREATE INDEX challenge_invitation_organisation_idx ON challenge_invitation (organisation_id, invited_at DESC);

-- An invitation's events are keyed <demandId>/<organisationId>: longer than one id.
ALTER TABLE outbox_event ALTER COLUMN aggregate_id TYPE varchar(140);
