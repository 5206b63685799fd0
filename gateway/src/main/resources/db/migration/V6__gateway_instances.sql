-- The gateway instances running now, each marking itself seen at every poll: the rate limits are
-- shared among the live ones, so a client spreading its requests over the replicas gets no more
-- than one limit in all. A row not seen for an hour is removed by any instance.
CREATE TABLE gateway_instance (
    id         uuid        PRIMARY KEY,
    started_at timestamptz NOT NULL,
    seen_at    timestamptz NOT NULL
);

CREATE INDEX gateway_instance_seen ON gateway_instance (seen_at);
