package io.techbridge.achievement;

import io.techbridge.achievement.duplicates.AchievementIndex;
import io.techbridge.listing.duplicates.Fingerprint;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Loads a registry of existing achievements for the import benchmark, fast: each record made like
 * a benchmark row ({@link ImportSheets#distinctRow}, so similar to the imported ones), written with
 * batched inserts of the records and of their duplicate-index entries, the entries computed by the
 * service's own {@link AchievementIndex#fingerprint} exactly as a create or an import writes them.
 */
final class ExistingRecords {

    private static final int BATCH = 2_000;

    private ExistingRecords() {
    }

    /** Writes {@code count} published achievements of 50 organisations, patent numbers from {@code firstPatent}. */
    static void load(DataSource dataSource, Random random, int count, int firstPatent) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (int from = 0; from < count; from += BATCH) {
                int size = Math.min(BATCH, count - from);
                List<UUID> ids = new ArrayList<>(size);
                List<String> organisations = new ArrayList<>(size);
                List<String> titles = new ArrayList<>(size);
                List<String> summaries = new ArrayList<>(size);
                List<String> patents = new ArrayList<>(size);
                List<Short> bands = new ArrayList<>();
                List<Long> buckets = new ArrayList<>();
                List<UUID> bucketOwners = new ArrayList<>();
                List<String> keys = new ArrayList<>();
                List<UUID> keyOwners = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    List<String> row = ImportSheets.distinctRow(random, firstPatent + from + i);
                    UUID id = UUID.randomUUID();
                    String title = row.get(ImportSheets.HEADER.indexOf("*成果名称"));
                    String summary = row.get(ImportSheets.HEADER.indexOf("成果简介"));
                    String patent = row.get(ImportSheets.HEADER.indexOf("专利号"));
                    ids.add(id);
                    organisations.add("org-registry-" + random.nextInt(50));
                    titles.add(title);
                    summaries.add(summary);
                    patents.add("[\"" + patent + "\"]");
                    Fingerprint fingerprint = AchievementIndex.fingerprint(title, summary, List.of(patent));
                    long[] of = fingerprint.buckets();
                    for (int band = 0; band < of.length; band++) {
                        if (of[band] != 0) {
                            bands.add((short) band);
                            buckets.add(of[band]);
                            bucketOwners.add(id);
                        }
                    }
                    for (String key : fingerprint.patents()) {
                        keys.add(key);
                        keyOwners.add(id);
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO achievement (id, organisation_id, institution, title, summary, keywords, field_code,
                            trl, ip_forms, patent_numbers, transfer_modes, price_min_cny, price_max_cny,
                            price_negotiable, free_trial_licence, region_code, inventors, contact_name,
                            contact_email, status, version, created_at, updated_at)
                        SELECT id, organisation, '浙江大学', title, summary, '["石墨烯"]', '04.02', 5,
                            '["INVENTION_PATENT"]', patents::jsonb, '["LICENSE"]', 500000, 2000000, false, false,
                            '330100', '["王明"]', '陈老师', 'tto@example.edu.cn', 'PUBLISHED', 1, ?, ?
                        FROM unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::text[], ?::text[])
                            AS r (id, organisation, title, summary, patents)""")) {
                    java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
                    insert.setTimestamp(1, now);
                    insert.setTimestamp(2, now);
                    insert.setArray(3, connection.createArrayOf("uuid", ids.toArray()));
                    insert.setArray(4, connection.createArrayOf("varchar", organisations.toArray()));
                    insert.setArray(5, connection.createArrayOf("varchar", titles.toArray()));
                    insert.setArray(6, connection.createArrayOf("text", summaries.toArray()));
                    insert.setArray(7, connection.createArrayOf("text", patents.toArray()));
                    insert.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO achievement_lsh (band, bucket, achievement_id)
                        SELECT * FROM unnest(?::smallint[], ?::bigint[], ?::uuid[])""")) {
                    insert.setArray(1, connection.createArrayOf("smallint", bands.toArray()));
                    insert.setArray(2, connection.createArrayOf("bigint", buckets.toArray()));
                    insert.setArray(3, connection.createArrayOf("uuid", bucketOwners.toArray()));
                    insert.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO achievement_patent (patent_key, achievement_id)
                        SELECT * FROM unnest(?::varchar[], ?::uuid[])""")) {
                    insert.setArray(1, connection.createArrayOf("varchar", keys.toArray()));
                    insert.setArray(2, connection.createArrayOf("uuid", keyOwners.toArray()));
                    insert.executeUpdate();
                }
                connection.commit();
            }
            // A registry that grew over months has its statistics and visibility map; a bulk load has neither yet.
            connection.setAutoCommit(true);
            try (Statement vacuum = connection.createStatement()) {
                vacuum.execute("VACUUM ANALYZE achievement, achievement_lsh, achievement_patent");
            }
        }
    }
}
