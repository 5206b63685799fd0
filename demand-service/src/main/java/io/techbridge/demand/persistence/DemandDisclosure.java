package io.techbridge.demand.persistence;

import io.techbridge.listing.disclosure.Disclosure;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The full text and contact of a demand were disclosed to an organisation (an accepted introduction). */
@Entity
@Table(name = "disclosure")
@AttributeOverride(name = "listingId", column = @Column(name = "demand_id"))
public class DemandDisclosure extends Disclosure {
}
