package io.techbridge.matching.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What phase-change webhooks need of each open challenge (table webhook_challenge): whose it is, the
 * phase last told, its application deadline and the organisations that applied. The demand and its
 * applications come on different topics, in no order between them, so either may create the row.
 */
@ApplicationScoped
public class WebhookChallenges {

    public record Challenge(String demandId, long version, String organisationId, String phase,
            LocalDate applicationDeadline, Set<String> applicants) {
    }

    private final EntityManager entityManager;

    public WebhookChallenges(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The row, locked until the transaction ends. */
    public Optional<Challenge> lock(String demandId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT demand_id, version, organisation_id, phase, application_deadline, applicant_organisations
                        FROM webhook_challenge WHERE demand_id = ?1 FOR UPDATE""")
                .setParameter(1, demandId).getResultList();
        return rows.stream().findFirst().map(WebhookChallenges::challenge);
    }

    /** Records a demand's newer version: owner, phase and deadline (applicants kept). */
    public void saveDemand(String demandId, long version, String organisationId, String phase, LocalDate deadline) {
        entityManager.createNativeQuery("""
                        INSERT INTO webhook_challenge (demand_id, version, organisation_id, phase, application_deadline)
                        VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (demand_id) DO UPDATE SET version = EXCLUDED.version,
                            organisation_id = EXCLUDED.organisation_id, phase = EXCLUDED.phase,
                            application_deadline = EXCLUDED.application_deadline""")
                .setParameter(1, demandId).setParameter(2, version).setParameter(3, organisationId)
                .setParameter(4, phase).setParameter(5, deadline).executeUpdate();
    }

    public void setApplicants(String demandId, Set<String> applicants) {
        String joined = String.join(",", applicants);
        entityManager.createNativeQuery("""
                        INSERT INTO webhook_challenge (demand_id, version, applicant_organisations) VALUES (?1, 0, ?2)
                        ON CONFLICT (demand_id) DO UPDATE SET applicant_organisations = EXCLUDED.applicant_organisations""")
                .setParameter(1, demandId).setParameter(2, joined).executeUpdate();
    }

    /**
     * Moves every challenge still told as APPLYING whose application deadline is before {@code today} to
     * JUDGING, and returns them as they were: in one statement, so that of several instances each
     * challenge is moved, and told, by one.
     */
    public List<Challenge> moveToJudging(LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        UPDATE webhook_challenge SET phase = 'JUDGING'
                        WHERE phase = 'APPLYING' AND application_deadline < ?1 AND organisation_id IS NOT NULL
                        RETURNING demand_id, version, organisation_id, 'APPLYING', application_deadline, applicant_organisations""")
                .setParameter(1, today).getResultList();
        return rows.stream().map(WebhookChallenges::challenge).toList();
    }

    private static Challenge challenge(Object[] row) {
        String applicants = (String) row[5];
        Set<String> set = applicants == null || applicants.isEmpty() ? new LinkedHashSet<>()
                : new LinkedHashSet<>(Arrays.asList(applicants.split(",")));
        return new Challenge((String) row[0], ((Number) row[1]).longValue(), (String) row[2], (String) row[3],
                date(row[4]), set);
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }
}
