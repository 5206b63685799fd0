-- Open challenges (揭榜挂帅): the award on the demand, and the applications of universities and institutes.
-- The CHECK constraints repeat the rules of the API, so no path around it can store what it would refuse.

-- The award: who picked the winners, when, and the reason given to the others. All null until awarded.
ALTER TABLE demand ADD COLUMN challenge_awarded_at timestamptz;
ALTER TABLE demand ADD COLUMN challenge_awarded_by varchar(200);
ALTER TABLE demand ADD COLUMN challenge_awarded_role varchar(16);
ALTER TABLE demand ADD COLUMN challenge_award_reason varchar(2000);
ALTER TABLE demand ADD COLUMN challenge_winners jsonb;
ALTER TABLE demand ADD CONSTRAINT demand_challenge_award_complete CHECK (
    (challenge_awarded_at IS NULL AND challenge_awarded_by IS NULL AND challenge_awarded_role IS NULL
        AND challenge_award_reason IS NULL AND challenge_winners IS NULL)
    OR (challenge_goal IS NOT NULL AND challenge_awarded_at IS NOT NULL AND challenge_awarded_by IS NOT NULL
        AND challenge_awarded_role IN ('enterprise', 'broker', 'admin') AND btrim(challenge_award_reason) <> ''
        AND jsonb_typeof(challenge_winners) = 'array' AND jsonb_array_length(challenge_winners) >= 1));

CREATE TABLE challenge_application (
    id                  uuid          PRIMARY KEY,
    demand_id           uuid          NOT NULL REFERENCES demand (id),
    organisation_id     varchar(64)   NOT NULL CHECK (organisation_id ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'),
    organisation_name   varchar(200)  NOT NULL CHECK (btrim(organisation_name) <> ''),
    submitted_by        varchar(200)  NOT NULL,
    approach            varchar(4000) NOT NULL CHECK (btrim(approach) <> ''),
    team                varchar(2000) NOT NULL CHECK (btrim(team) <> ''),
    trl_now             smallint      NOT NULL CHECK (trl_now BETWEEN 1 AND 9),
    trl_promised        smallint      NOT NULL CHECK (trl_promised BETWEEN 1 AND 9),
    milestones          jsonb         NOT NULL
        CHECK (jsonb_typeof(milestones) = 'array' AND jsonb_array_length(milestones) BETWEEN 1 AND 12),
    price_cny           bigint        NOT NULL CHECK (price_cny BETWEEN 0 AND 1000000000000),
    achievement_ids     jsonb         NOT NULL
        CHECK (jsonb_typeof(achievement_ids) = 'array' AND jsonb_array_length(achievement_ids) <= 20),
    status              varchar(16)   NOT NULL CHECK (status IN ('SUBMITTED', 'WITHDRAWN', 'WON', 'NOT_SELECTED')),
    -- One score sheet per scorer; total_score is the mean over the sheets of their mean indicator score.
    scores              jsonb         NOT NULL CHECK (jsonb_typeof(scores) = 'array'),
    total_score         numeric(6, 2) CHECK (total_score BETWEEN 0 AND 100),
    shortlisted         boolean       NOT NULL,
    outcome_reason      varchar(2000),
    version             bigint        NOT NULL CHECK (version >= 1),
    submitted_at        timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL,

    CONSTRAINT challenge_application_trl_order CHECK (trl_promised >= trl_now),
    -- Only a decided application carries the reason of its outcome.
    CONSTRAINT challenge_application_outcome CHECK (
        (status IN ('SUBMITTED', 'WITHDRAWN') AND outcome_reason IS NULL)
        OR (status IN ('WON', 'NOT_SELECTED') AND btrim(outcome_reason) <> ''))
);

-- One live (not withdrawn) application per organisation per challenge: of two concurrent
-- submissions the database lets only one in, whatever the service checked before.
CREATE UNIQUE INDEX challenge_application_live_idx ON challenge_application (demand_id, organisation_id)
    WHERE status <> 'WITHDRAWN';
-- An organisation's applications across challenges (GET /api/demands/applications/mine).
CREATE INDEX challenge_application_organisation_idx ON challenge_application (organisation_id, submitted_at DESC);
CREATE INDEX challenge_application_demand_idx ON challenge_application (demand_id, submitted_at);
