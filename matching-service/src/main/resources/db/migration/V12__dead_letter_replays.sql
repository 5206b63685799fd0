-- Dead letters an operator replayed: a message set aside on <topic>.dlq (where it stays, Kafka's
-- log being append-only) published again on its source topic. One row per replay: a message is
-- replayed once unless the operator asks again, and each row says who, when and the offset the
-- message got on the source topic. A message is "not replayed" while it has no row here.

CREATE TABLE dead_letter_replay (
    id                bigserial     PRIMARY KEY,
    dlq_topic         varchar(255)  NOT NULL,
    dlq_partition     integer       NOT NULL,
    dlq_offset        bigint        NOT NULL,
    source_topic      varchar(255)  NOT NULL,
    source_partition  integer       NOT NULL,
    source_offset     bigint        NOT NULL,
    replayed_by       varchar(200)  NOT NULL,
    replayed_at       timestamptz   NOT NULL
);
CREATE INDEX dead_letter_replay_message_idx ON dead_letter_replay (dlq_topic, dlq_partition, dlq_offset);
