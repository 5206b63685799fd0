-- Organisations an achievement's contact was disclosed to: the enterprise of a demand accepted the
-- introduction of a pair with this achievement (match-events, disclosed = true). Never revoked.
CREATE TABLE disclosure (
    achievement_id      uuid         NOT NULL,
    organisation_id     varchar(64)  NOT NULL,
    disclosed_at        timestamptz  NOT NULL,
    PRIMARY KEY (achievement_id, organisation_id)
);

-- What was disclosed to one organisation, for the listings it reads.
CREATE INDEX disclosure_organisation_idx ON disclosure (organisation_id, achievement_id);
