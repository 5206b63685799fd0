-- Near-duplicates, stale listings and broker merges.

-- STALE: a published achievement nobody touched for techbridge.staleness.after; its owner confirms or withdraws it.
ALTER TABLE achievement DROP CONSTRAINT achievement_status_check;
ALTER TABLE achievement ADD CONSTRAINT achievement_status_check
    CHECK (status IN ('DRAFT', 'PUBLISHED', 'STALE', 'WITHDRAWN', 'TRANSFERRED'));

-- A duplicate a broker merged into another achievement (it is then WITHDRAWN).
ALTER TABLE achievement ADD COLUMN merged_into uuid REFERENCES achievement (id);
ALTER TABLE achievement ADD CONSTRAINT achievement_merged_is_withdrawn
    CHECK (merged_into IS NULL OR (status = 'WITHDRAWN' AND merged_into <> id));

-- The staleness job reads only published achievements, least recently changed first.
CREATE INDEX achievement_stale_due_idx ON achievement (updated_at, id) WHERE status = 'PUBLISHED';

-- Candidate index of near-duplicates: the LSH buckets of the MinHash signatures of an achievement's
-- title (bands 0-15) and title + summary (bands 16-63), two minhashes a band, written with the achievement.
CREATE TABLE achievement_lsh (
    band                smallint     NOT NULL,
    bucket              bigint       NOT NULL,
    achievement_id      uuid         NOT NULL REFERENCES achievement (id),
    PRIMARY KEY (band, bucket, achievement_id)
);
CREATE INDEX achievement_lsh_achievement_idx ON achievement_lsh (achievement_id);

-- Its patent numbers, normalised (no ZL/CN prefix, check digit, kind code, case, spaces or dots).
CREATE TABLE achievement_patent (
    patent_key          varchar(40)  NOT NULL,
    achievement_id      uuid         NOT NULL REFERENCES achievement (id),
    PRIMARY KEY (patent_key, achievement_id)
);
CREATE INDEX achievement_patent_achievement_idx ON achievement_patent (achievement_id);
