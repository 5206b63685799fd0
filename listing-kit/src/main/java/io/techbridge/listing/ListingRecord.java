package io.techbridge.listing;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;
import java.util.UUID;

/**
 * What every listing row has, whatever it lists: its id and owner, the contact (never published in
 * an event), why its status last changed, the record a duplicate was merged into, and its
 * aggregate version, which starts at 1 and grows by one with each change under a row lock, so
 * events carry exact versions. The service's entity adds its content and its status.
 */
@MappedSuperclass
public abstract class ListingRecord {

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false, updatable = false)
    public String organisationId;

    @Column(name = "contact_name", nullable = false)
    public String contactName;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "status_reason")
    public String statusReason;

    /** The listing a broker merged this duplicate into (it then leaves the pool); null otherwise. */
    @Column(name = "merged_into")
    public UUID mergedInto;

    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
