-- The rate limits' token buckets, shared by every gateway instance: one row per key (an account, a
-- client address, logins from an address), spent and refilled by one statement per check on the
-- database's clock (routing.SharedTokenBuckets). A bucket idle for a whole window is full again and
-- carries nothing, so the gateway deletes such rows; a missing row is a full bucket.
CREATE TABLE rate_limit_bucket (
    -- 'account:' || token subject, 'address:' || client address, 'login:' || client address
    bucket_key text             PRIMARY KEY,
    tokens     double precision NOT NULL,
    updated_at timestamptz      NOT NULL,
    -- whether the last check took a token (what the check returns; not read otherwise)
    granted    boolean          NOT NULL
);

CREATE INDEX rate_limit_bucket_updated ON rate_limit_bucket (updated_at);
