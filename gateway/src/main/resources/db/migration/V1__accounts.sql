-- Accounts of the platform: organisations (a user acts for exactly one) and their users.
-- The role of a user follows from the type of its organisation.
CREATE TABLE organisation (
    id          varchar(64)  PRIMARY KEY,
    name        varchar(200) NOT NULL,
    type        varchar(20)  NOT NULL
        CHECK (type IN ('UNIVERSITY', 'INSTITUTE', 'ENTERPRISE', 'BROKER_AGENCY', 'OPERATOR')),
    region_code varchar(6),
    created_at  timestamptz  NOT NULL
);

CREATE TABLE user_account (
    id              uuid         PRIMARY KEY,
    username        varchar(64)  NOT NULL,
    display_name    varchar(100) NOT NULL,
    -- algorithm$iterations$salt$hash, so the cost can be raised for new hashes later
    password_hash   varchar(255) NOT NULL,
    organisation_id varchar(64)  NOT NULL REFERENCES organisation (id),
    enabled         boolean      NOT NULL,
    created_at      timestamptz  NOT NULL,
    last_login_at   timestamptz
);

-- Login names are unique regardless of case ("Admin" and "admin" are the same account).
CREATE UNIQUE INDEX user_account_username_ci ON user_account (lower(username));
CREATE INDEX user_account_organisation ON user_account (organisation_id);
