-- The W3C traceparent of the request that wrote an outbox event: the relay sends the event as part
-- of that request's trace, so a trace goes on from the write, through Kafka, into its consumers.
ALTER TABLE outbox_event ADD COLUMN trace_parent varchar(64);
