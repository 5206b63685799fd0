package io.techbridge.listing.disclosure;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.MappedSuperclass;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A listing was disclosed to an organisation (an accepted introduction): table {@code disclosure}.
 * A service maps it with an entity of its own that names the column of the listing's id, e.g.
 * {@code @AttributeOverride(name = "listingId", column = @Column(name = "achievement_id"))}.
 */
@MappedSuperclass
@IdClass(Disclosure.Key.class)
public abstract class Disclosure {

    @Id
    public UUID listingId;

    @Id
    @Column(name = "organisation_id")
    public String organisationId;

    @Column(name = "disclosed_at", nullable = false)
    public Instant disclosedAt;

    public record Key(UUID listingId, String organisationId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
