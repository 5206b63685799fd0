-- Records whose proposals must be recomputed. Indexing writes a task in the transaction that
-- records the applied version; a worker drains them, so ingestion never waits for matching.
CREATE TABLE proposal_task (
    aggregate_type  varchar(20)  NOT NULL CHECK (aggregate_type IN ('Achievement', 'Demand')),
    aggregate_id    varchar(64)  NOT NULL,
    version         bigint       NOT NULL,
    enqueued_at     timestamptz  NOT NULL,
    PRIMARY KEY (aggregate_type, aggregate_id)
);
CREATE INDEX proposal_task_order_idx ON proposal_task (enqueued_at);
