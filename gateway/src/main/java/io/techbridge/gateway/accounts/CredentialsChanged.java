package io.techbridge.gateway.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * An account was disabled or given a new password: its sessions have ended, and its access tokens
 * of an older credentials version than {@code version} must no longer be accepted. Fired within
 * the change's transaction; observers act after it commits.
 */
public record CredentialsChanged(UUID userId, int version, Instant at) {
}
