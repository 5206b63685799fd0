-- What the demand library knows of achievements, from achievement-events (achievement-service owns
-- them): whose each one is and its status, at the newest version seen. A challenge application may
-- cite only published achievements of the applying organisation.
CREATE TABLE known_achievement (
    achievement_id  uuid        PRIMARY KEY,
    organisation_id varchar(64) NOT NULL,
    status          varchar(20) NOT NULL,
    version         bigint      NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
