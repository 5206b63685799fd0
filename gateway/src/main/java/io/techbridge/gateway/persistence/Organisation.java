package io.techbridge.gateway.persistence;

import io.techbridge.gateway.accounts.OrganisationType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "organisation")
public class Organisation {

    @Id
    @Column(length = 64)
    public String id;

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public OrganisationType type;

    @Column(name = "region_code", length = 6)
    public String regionCode;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
