package io.techbridge.matching.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MatchNoteRepository implements PanacheRepository<MatchNote> {

    /** A pair's notes, newest first. */
    public List<MatchNote> of(UUID matchId) {
        return list("matchId = ?1 order by id desc", matchId);
    }

    public Optional<MatchNote> find(UUID matchId, long noteId) {
        return find("matchId = ?1 and id = ?2", matchId, noteId).firstResultOptional();
    }

    /** The earliest next-step date among the pair's open notes, or null. */
    public LocalDate nextStepOn(UUID matchId) {
        return getEntityManager().createQuery(
                        "select min(n.nextStepOn) from MatchNote n where n.matchId = :match and n.doneAt is null",
                        LocalDate.class)
                .setParameter("match", matchId).getSingleResult();
    }
}
