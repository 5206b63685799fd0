package io.techbridge.demand.persistence;

import java.util.UUID;

/** A winning application of a challenge, as the demand keeps it (jsonb). */
public record Winner(UUID applicationId, String organisationId, String organisationName) {
}
