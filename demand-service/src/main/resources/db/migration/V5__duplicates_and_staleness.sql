-- Near-duplicates, stale listings, renewal and broker merges.

-- STALE: an OPEN demand nobody touched for techbridge.staleness.after; its owner confirms, renews or closes it.
ALTER TABLE demand DROP CONSTRAINT demand_status_check;
ALTER TABLE demand ADD CONSTRAINT demand_status_check
    CHECK (status IN ('OPEN', 'IN_NEGOTIATION', 'STALE', 'SOLVED', 'CLOSED', 'EXPIRED'));

-- A duplicate a broker merged into another demand (it is then CLOSED).
ALTER TABLE demand ADD COLUMN merged_into uuid REFERENCES demand (id);
ALTER TABLE demand ADD CONSTRAINT demand_merged_is_closed
    CHECK (merged_into IS NULL OR (status = 'CLOSED' AND merged_into <> id));

-- A stale demand still expires when its valid-until date passes.
DROP INDEX demand_expiry_idx;
CREATE INDEX demand_expiry_idx ON demand (valid_until, id) WHERE status IN ('OPEN', 'IN_NEGOTIATION', 'STALE');

-- The staleness job reads only open demands, least recently changed first.
CREATE INDEX demand_stale_due_idx ON demand (updated_at, id) WHERE status = 'OPEN';

-- Candidate index of near-duplicates: the LSH buckets of the MinHash signatures of a demand's
-- title (bands 0-15) and title + problem (bands 16-39), two minhashes a band, written with the demand.
CREATE TABLE demand_lsh (
    band                smallint     NOT NULL,
    bucket              bigint       NOT NULL,
    demand_id           uuid         NOT NULL REFERENCES demand (id),
    PRIMARY KEY (band, bucket, demand_id)
);
CREATE INDEX demand_lsh_demand_idx ON demand_lsh (demand_id);
