package io.techbridge.gateway.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One entry of the audit trail (table audit_event). */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false, length = 40)
    public String action;

    @Column(nullable = false, length = 10)
    public String outcome;

    @Column(nullable = false)
    public int status;

    @Column(name = "actor_id", length = 64)
    public String actorId;

    @Column(name = "actor_name", length = 200)
    public String actorName;

    @Column(name = "actor_role", length = 20)
    public String actorRole;

    @Column(name = "actor_organisation", length = 64)
    public String actorOrganisation;

    @Column(length = 300)
    public String target;

    @Column(nullable = false, length = 10)
    public String method;

    @Column(nullable = false, length = 500)
    public String path;

    @Column(name = "request_id", length = 100)
    public String requestId;

    @Column(name = "client_address", length = 64)
    public String clientAddress;
}
