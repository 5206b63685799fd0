package io.techbridge.demand;

import io.quarkus.test.junit.QuarkusTest;
import io.techbridge.demand.api.DemandRequest;
import io.techbridge.demand.imports.DemandColumn;
import io.techbridge.demand.imports.DemandRowMapper;
import io.techbridge.deploy.local.testing.TestTokens;
import io.techbridge.listing.testing.ImportBenchmark;

/**
 * The demand import rate ({@link ImportBenchmark}): demand registration-form sheets uploaded by an
 * enterprise. Not part of the suite (no Test suffix): run it with {@code demand-service/import-benchmark}.
 */
@QuarkusTest
@RealServers
class ImportRateBenchmark extends ImportBenchmark<DemandColumn, DemandRequest> {

    ImportRateBenchmark() {
        super("demand", "/api/demands/imports", TestTokens::enterprise, new Form<>(DemandColumn.SCHEMA,
                DemandRowMapper::new, DemandImportSheets.HEADER, DemandImportSheets::distinctRow, DemandImportSheets::xlsx));
    }
}
