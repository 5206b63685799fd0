package io.techbridge.gateway.api;

import io.techbridge.gateway.persistence.Organisation;

import java.time.Instant;

public record OrganisationResponse(String id, String name, String type, String role, String regionCode, Instant createdAt) {

    public static OrganisationResponse of(Organisation organisation) {
        return new OrganisationResponse(organisation.id, organisation.name, organisation.type.name(),
                organisation.type.role().claim(), organisation.regionCode, organisation.createdAt);
    }
}
