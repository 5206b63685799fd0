package io.techbridge.gateway.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * An account was disabled or given a new password: its sessions have ended, and access tokens
 * issued before {@code at} must no longer be accepted. Fired within the change's transaction;
 * observers act after it commits.
 */
public record CredentialsChanged(UUID userId, Instant at) {
}
