-- The enterprise's answer to an introduction. Accepting it discloses the pair: from then on the
-- achievement's organisation sees the demand in full, even a BROKERS_ONLY one. A declined
-- introduction moves the pair to FAILED, so only the acceptance needs a column.
ALTER TABLE match_pair ADD COLUMN introduction_accepted_at timestamptz;

-- A university or enterprise lists the pairs its organisation is a party to.
CREATE INDEX match_pair_demand_organisation_idx ON match_pair (demand_organisation_id, status);
CREATE INDEX match_pair_achievement_organisation_idx ON match_pair (achievement_organisation_id, status);
-- The demands disclosed to an organisation, for search and rankings.
CREATE INDEX match_pair_disclosed_idx ON match_pair (achievement_organisation_id, demand_id)
    WHERE introduction_accepted_at IS NOT NULL;
