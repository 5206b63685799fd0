-- How each demand's candidates stand (mean similarity, the best and second-best candidate's
-- strength), for the demand version it was computed from. A pair found from an achievement's side
-- is judged against its demand's competition; keeping the standing saves ranking every candidate
-- demand again for every achievement proposed.
CREATE TABLE demand_standing (
    demand_id            varchar(64)       PRIMARY KEY,
    demand_version       bigint            NOT NULL,
    mean_cosine          double precision  NOT NULL,
    best_achievement_id  varchar(64),
    best                 double precision  NOT NULL,
    second               double precision  NOT NULL,
    computed_at          timestamptz       NOT NULL
);

-- A fingerprint of what a record's pairs are computed from (texts and structured fields): a new
-- version that changes nothing of it (a contact, a view count) keeps its proposals as they are.
ALTER TABLE indexed_record ADD COLUMN matching_inputs varchar(32);
