package io.techbridge.achievement.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** The contact of an achievement was disclosed to an organisation (an accepted introduction). */
@Entity
@Table(name = "disclosure")
@IdClass(Disclosure.Key.class)
public class Disclosure {

    @Id
    @Column(name = "achievement_id")
    public UUID achievementId;

    @Id
    @Column(name = "organisation_id")
    public String organisationId;

    @Column(name = "disclosed_at", nullable = false)
    public Instant disclosedAt;

    public record Key(UUID achievementId, String organisationId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
