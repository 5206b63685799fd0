-- Each achievement version's nearest open demands (ids and similarities, best first) as a kNN search
-- found them: the approval model weighs a pair's similarity against them. Kept here so a restarted
-- or second instance reads them instead of searching again for every candidate of its first rankings;
-- a row older than an hour is searched again.
CREATE TABLE achievement_neighbourhood (
    achievement_id       varchar(64)  PRIMARY KEY,
    achievement_version  bigint       NOT NULL,
    neighbours           jsonb        NOT NULL,
    computed_at          timestamptz  NOT NULL
);
