package io.techbridge.achievement.duplicates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techbridge.achievement.domain.AchievementStatus;
import io.techbridge.achievement.persistence.Achievement;
import io.techbridge.listing.duplicates.DuplicateConfig;
import io.techbridge.listing.duplicates.DuplicateIndex;
import io.techbridge.listing.duplicates.Fingerprint;
import io.techbridge.listing.duplicates.IndexTables;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;

/**
 * The near-duplicate index of achievements: their LSH buckets in {@code achievement_lsh}, their
 * normalised patent numbers ({@link PatentNumbers}) in {@code achievement_patent}. An achievement is
 * compared by its title, its summary and its patents; withdrawn ones (merged ones too) are never candidates.
 */
@ApplicationScoped
public class AchievementIndex extends DuplicateIndex<Achievement> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final IndexTables TABLES = new IndexTables("achievement", "achievement_lsh", "achievement_id",
            "achievement_patent", AchievementStatus.WITHDRAWN.name(), List.of("summary", "patent_numbers::text"));

    public AchievementIndex(EntityManager entityManager, DuplicateConfig config) {
        super(entityManager, config, Achievement.class, TABLES);
    }

    /** What an achievement with this content is compared by. */
    public static Fingerprint fingerprint(String title, String summary, List<String> patentNumbers) {
        return Fingerprint.of(title, summary, PatentNumbers.keys(patentNumbers));
    }

    @Override
    public UUID idOf(Achievement achievement) {
        return achievement.id;
    }

    @Override
    public Fingerprint fingerprintOf(Achievement achievement) {
        return fingerprint(achievement.title, achievement.summary, achievement.patentNumbers);
    }

    @Override
    protected Fingerprint fingerprintOf(String title, List<String> content) {
        return fingerprint(title, content.get(0), patentNumbers(content.get(1)));
    }

    private static List<String> patentNumbers(String json) {
        try {
            return json == null ? List.of() : List.of(JSON.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable patent numbers " + json, e);
        }
    }
}
