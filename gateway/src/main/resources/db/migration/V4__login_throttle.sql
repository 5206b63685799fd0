-- Failed logins per login name (known or not, so the throttle tells nothing about which names exist),
-- shared by every gateway instance. After the free attempts each failure closes the name to logins
-- for a growing, capped time; a successful login deletes the row, a quiet hour lets the purge do it.
CREATE TABLE login_throttle (
    -- the login name as typed, stripped and lower-cased, at most 200 characters
    login_name      varchar(200) PRIMARY KEY,
    failures        integer      NOT NULL CHECK (failures > 0),
    first_failed_at timestamptz  NOT NULL,
    last_failed_at  timestamptz  NOT NULL,
    -- no login for this name is checked before then (429 with Retry-After)
    blocked_until   timestamptz
);

CREATE INDEX login_throttle_last_failed ON login_throttle (last_failed_at);
