package io.techbridge.achievement.persistence;

import io.techbridge.listing.disclosure.Disclosure;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The contact of an achievement was disclosed to an organisation (an accepted introduction). */
@Entity
@Table(name = "disclosure")
@AttributeOverride(name = "listingId", column = @Column(name = "achievement_id"))
public class AchievementDisclosure extends Disclosure {
}
