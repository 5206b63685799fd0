package io.techbridge.matching.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A broker's note on a pair, optionally with the date of the next step; open until marked done. */
@Entity
@Table(name = "match_note")
public class MatchNote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "match_id", nullable = false, updatable = false)
    public UUID matchId;

    @Column(name = "author_id", nullable = false, updatable = false)
    public String authorId;

    @Column(name = "author_name", nullable = false, updatable = false)
    public String authorName;

    @Column(nullable = false, updatable = false)
    public String text;

    @Column(name = "next_step_on", updatable = false)
    public LocalDate nextStepOn;

    @Column(name = "done_at")
    public Instant doneAt;

    @Column(name = "done_by")
    public String doneBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    public boolean open() {
        return doneAt == null;
    }
}
