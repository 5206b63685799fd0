package io.techbridge.demand.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** The full text and contact of a demand were disclosed to an organisation (an accepted introduction). */
@Entity
@Table(name = "disclosure")
@IdClass(Disclosure.Key.class)
public class Disclosure {

    @Id
    @Column(name = "demand_id")
    public UUID demandId;

    @Id
    @Column(name = "organisation_id")
    public String organisationId;

    @Column(name = "disclosed_at", nullable = false)
    public Instant disclosedAt;

    public record Key(UUID demandId, String organisationId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
