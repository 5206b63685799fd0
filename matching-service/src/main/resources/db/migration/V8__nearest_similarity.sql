-- The mean similarity of a demand's nearest achievements, which the approval model weighs a pair's
-- similarity against. Standings computed without it are dropped: each is recomputed the next time
-- its demand is needed, as a standing a day old already is.
DELETE FROM demand_standing;
ALTER TABLE demand_standing ADD COLUMN nearest_cosine double precision NOT NULL;
