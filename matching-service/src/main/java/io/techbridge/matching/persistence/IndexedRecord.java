package io.techbridge.matching.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The newest version of an achievement or demand this service has applied, with what statistics need of it. */
@Entity
@Table(name = "indexed_record")
public class IndexedRecord {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "aggregate_type")
        public String aggregateType;

        @Column(name = "aggregate_id")
        public String aggregateId;

        public Key() {
        }

        public Key(String aggregateType, String aggregateId) {
            this.aggregateType = aggregateType;
            this.aggregateId = aggregateId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(aggregateType, k.aggregateType)
                    && Objects.equals(aggregateId, k.aggregateId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(aggregateType, aggregateId);
        }
    }

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public long version;

    @Column(name = "organisation_id")
    public String organisationId;

    @Column(name = "field_code")
    public String fieldCode;

    @Column(name = "region_code")
    public String regionCode;

    @Column(nullable = false)
    public String status;

    @Column(name = "in_pool", nullable = false)
    public boolean inPool;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** For the broker queue's text filter. */
    public String title;

    @Column(name = "organisation_name")
    public String organisationName;

    /** Fingerprint of what the record's pairs are computed from; null for versions applied before it was kept. */
    @Column(name = "matching_inputs")
    public String matchingInputs;
}
