package io.techbridge.events;

/**
 * A record that is the payload of an event: one per aggregate, in this module only, so the outbox
 * never publishes a REST response by mistake. Payloads carry no contact details; a party who may
 * see a contact reads it from the owning service.
 */
public interface EventPayload {
}
