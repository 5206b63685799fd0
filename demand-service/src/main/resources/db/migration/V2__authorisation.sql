-- Who posted a demand: the owning enterprise itself, or the operator organisation of an admin who
-- posted a government-set challenge on its behalf (that admin organisation may then manage it).
ALTER TABLE demand ADD COLUMN posted_by varchar(64);
UPDATE demand SET posted_by = organisation_id;
ALTER TABLE demand ALTER COLUMN posted_by SET NOT NULL;

-- Organisations a demand was disclosed to: the enterprise accepted the introduction of a pair with
-- one of their achievements (match-events, disclosed = true). They see the full text and the
-- contact, confidential or not. Never revoked.
CREATE TABLE disclosure (
    demand_id           uuid         NOT NULL,
    organisation_id     varchar(64)  NOT NULL,
    disclosed_at        timestamptz  NOT NULL,
    PRIMARY KEY (demand_id, organisation_id)
);

-- What was disclosed to one organisation, for the listings it reads.
CREATE INDEX disclosure_organisation_idx ON disclosure (organisation_id, demand_id);
