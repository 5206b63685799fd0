-- The broker's follow-up of a pair: who works on it, notes with the next step's date, and how the
-- enterprise's consent to an introduction was given. The queue's text filter reads the titles and
-- organisation names of the records a pair joins.

ALTER TABLE match_pair
    ADD COLUMN assignee_id        varchar(100),
    ADD COLUMN assignee_name      varchar(200),
    ADD COLUMN assigned_at        timestamptz,
    -- The earliest date among the pair's open notes: the "due" lists read it without a join.
    ADD COLUMN next_step_on       date,
    -- ENTERPRISE (answered in TechBridge) or OFFLINE (the broker recorded an acceptance given elsewhere, with a note).
    ADD COLUMN introduction_accepted_via varchar(16)
        CHECK (introduction_accepted_via IN ('ENTERPRISE', 'OFFLINE'));
UPDATE match_pair SET introduction_accepted_via = 'ENTERPRISE' WHERE introduction_accepted_at IS NOT NULL;
CREATE INDEX match_pair_assignee_idx ON match_pair (assignee_id, next_step_on);
CREATE INDEX match_pair_next_step_idx ON match_pair (next_step_on) WHERE next_step_on IS NOT NULL;

CREATE TABLE match_note (
    id            bigserial     PRIMARY KEY,
    match_id      uuid          NOT NULL REFERENCES match_pair (id),
    author_id     varchar(100)  NOT NULL,
    author_name   varchar(200)  NOT NULL,
    text          varchar(2000) NOT NULL,
    next_step_on  date,
    done_at       timestamptz,
    done_by       varchar(200),
    created_at    timestamptz   NOT NULL
);
CREATE INDEX match_note_match_idx ON match_note (match_id, id);

ALTER TABLE indexed_record
    ADD COLUMN title              varchar(500),
    ADD COLUMN organisation_name  varchar(500);
