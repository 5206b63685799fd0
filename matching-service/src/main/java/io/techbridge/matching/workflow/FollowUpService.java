package io.techbridge.matching.workflow;

import io.techbridge.commons.problem.Problem;
import io.techbridge.commons.problem.ProblemException;
import io.techbridge.commons.problem.Problems;
import io.techbridge.matching.persistence.MatchNote;
import io.techbridge.matching.persistence.MatchNoteRepository;
import io.techbridge.matching.persistence.MatchPair;
import io.techbridge.matching.persistence.MatchPairRepository;
import io.techbridge.matching.persistence.MatchTransitionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The brokers' follow-up of a pair, beside its status: who works on it, and notes with the date of
 * the next step. None of it changes the pair's version or its events: it is the brokers' own
 * bookkeeping, not a change the parties or other services hear of.
 */
@ApplicationScoped
public class FollowUpService {

    private static final String WHAT = "match";

    private final MatchPairRepository pairs;
    private final MatchNoteRepository notes;
    private final MatchTransitionRepository transitions;
    private final MatchViews views;

    public FollowUpService(MatchPairRepository pairs, MatchNoteRepository notes, MatchTransitionRepository transitions,
            MatchViews views) {
        this.pairs = pairs;
        this.notes = notes;
        this.transitions = transitions;
        this.views = views;
    }

    /** A note as the API shows it; {@code open} until marked done. */
    public record NoteView(long id, String authorId, String authorName, String text, LocalDate nextStepOn,
            boolean open, Instant doneAt, String doneBy, Instant createdAt) {

        static NoteView of(MatchNote note) {
            return new NoteView(note.id, note.authorId, note.authorName, note.text, note.nextStepOn, note.open(),
                    note.doneAt, note.doneBy, note.createdAt);
        }
    }

    /**
     * The caller takes the pair on. A pair another broker holds is taken over only when asked to
     * ({@code takeOver}), so two brokers do not work on one pair without knowing it.
     */
    @Transactional
    public MatchView claim(UUID id, String userId, String userName, boolean takeOver) {
        MatchPair pair = pairs.findForUpdate(id).orElseThrow(() -> Problems.notFound(WHAT, id));
        if (pair.assigneeId != null && !pair.assigneeId.equals(userId) && !takeOver) {
            throw new ProblemException(Problem.of(Response.Status.CONFLICT, "assigned-to-another",
                    "Assigned to another broker",
                    WHAT + " " + id + " is assigned to " + pair.assigneeName + "; send takeOver: true to take it over")
                    .withContext(Map.of("assignee", pair.assigneeName)));
        }
        if (!userId.equals(pair.assigneeId)) {
            pair.assigneeId = userId;
            pair.assigneeName = userName;
            pair.assignedAt = Instant.now();
        }
        return views.of(pair, transitions.history(id));
    }

    /** The caller gives the pair back to the unassigned; only its holder may (an admin too). */
    @Transactional
    public MatchView release(UUID id, String userId, boolean anyHolder) {
        MatchPair pair = pairs.findForUpdate(id).orElseThrow(() -> Problems.notFound(WHAT, id));
        if (pair.assigneeId != null && !pair.assigneeId.equals(userId) && !anyHolder) {
            throw Problems.forbidden(WHAT + " " + id + " is assigned to " + pair.assigneeName + ", who may release it");
        }
        pair.assigneeId = null;
        pair.assigneeName = null;
        pair.assignedAt = null;
        return views.of(pair, transitions.history(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<NoteView> notes(UUID id) {
        pairs.findByIdOptional(id).orElseThrow(() -> Problems.notFound(WHAT, id));
        return notes.of(id).stream().map(NoteView::of).toList();
    }

    /** A note, and with a date the pair's next step: the pair then shows in the "due" list from that day. */
    @Transactional
    public NoteView addNote(UUID id, String text, LocalDate nextStepOn, String userId, String userName) {
        MatchPair pair = pairs.findForUpdate(id).orElseThrow(() -> Problems.notFound(WHAT, id));
        MatchNote note = new MatchNote();
        note.matchId = id;
        note.authorId = userId;
        note.authorName = userName;
        note.text = text.strip();
        note.nextStepOn = nextStepOn;
        note.createdAt = Instant.now();
        notes.persist(note);
        if (nextStepOn != null && (pair.nextStepOn == null || nextStepOn.isBefore(pair.nextStepOn))) {
            pair.nextStepOn = nextStepOn;
        }
        return NoteView.of(note);
    }

    /** A note's step is done: the pair's next step becomes the earliest still open, if any. */
    @Transactional
    public NoteView completeNote(UUID id, long noteId, String userName) {
        MatchPair pair = pairs.findForUpdate(id).orElseThrow(() -> Problems.notFound(WHAT, id));
        MatchNote note = notes.find(id, noteId).orElseThrow(() -> Problems.notFound("note", noteId));
        if (note.open()) {
            note.doneAt = Instant.now();
            note.doneBy = userName;
            notes.flush();
            pair.nextStepOn = notes.nextStepOn(id);
        }
        return NoteView.of(note);
    }
}
