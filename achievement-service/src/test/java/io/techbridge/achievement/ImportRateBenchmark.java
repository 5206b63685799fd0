package io.techbridge.achievement;

import io.quarkus.test.junit.QuarkusTest;
import io.techbridge.achievement.api.AchievementRequest;
import io.techbridge.achievement.imports.AchievementColumn;
import io.techbridge.achievement.imports.AchievementRowMapper;
import io.techbridge.deploy.local.testing.TestTokens;
import io.techbridge.listing.testing.ImportBenchmark;

import javax.sql.DataSource;
import java.util.Random;

/**
 * The achievement import rate ({@link ImportBenchmark}): registration-form sheets uploaded by a
 * university; {@code IMPORT_BENCHMARK_EXISTING} loads that many similar achievements first
 * ({@link ExistingRecords}). Not part of the suite (no Test suffix): run it with
 * {@code achievement-service/import-benchmark}.
 */
@QuarkusTest
@RealServers
class ImportRateBenchmark extends ImportBenchmark<AchievementColumn, AchievementRequest> {

    ImportRateBenchmark() {
        super("achievement", "/api/achievements/imports", TestTokens::university, new Form<>(AchievementColumn.SCHEMA,
                AchievementRowMapper::new, ImportSheets.HEADER, ImportSheets::distinctRow, ImportSheets::xlsx));
    }

    /** Patent numbers from 70,000,000 on: the sheets' are below 50,020,000, so no row shares one. */
    @Override
    protected void loadExisting(DataSource dataSource, Random random, int count) throws Exception {
        ExistingRecords.load(dataSource, random, count, 70_000_000);
    }
}
