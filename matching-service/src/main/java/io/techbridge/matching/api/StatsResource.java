package io.techbridge.matching.api;

import io.techbridge.commons.security.Caller;
import io.techbridge.matching.workflow.Statistics;
import io.techbridge.matching.workflow.StatisticsService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "The figures operators report")
public class StatsResource {

    private final StatisticsService statistics;
    private final Caller caller;

    public StatsResource(StatisticsService statistics, Caller caller) {
        this.statistics = statistics;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getStats", summary = "Achievements registered, demands posted, pairs and contracts, by field, region and month",
            description = """
                    Counts over whole months in Asia/Shanghai time, by default the last 12 months including this \
                    one. Achievements and demands are counted in the month they were first indexed; a pair in the \
                    month it was proposed, approved, introduced or contracted, and in its demand's field and \
                    region. Contract turnover is the sum of the contract amounts (CNY); achievements transferred \
                    and enterprises served are distinct counts. Rows with nothing to count are left out; months \
                    come in order. Any logged-in user.""")
    public Statistics stats(
            @Parameter(description = "First month, YYYY-MM (default: 11 months before `to`)")
            @QueryParam("from") String from,
            @Parameter(description = "Last month, included, YYYY-MM (default: this month)")
            @QueryParam("to") String to,
            @Parameter(description = "Six-digit region code: a province (330000) or city (330100) takes in its "
                    + "cities and counties; a province or city prefix (33, 3301) stands for its code")
            @QueryParam("region") String region,
            @Parameter(description = "Technical-field code: a top-level field (04) takes in its sub-fields")
            @QueryParam("field") String field) {
        caller.requireAuthenticated();
        StatsQuery query = StatsQuery.parse(from, to, region, field);
        return statistics.compute(query.from(), query.to(), query.field(), query.region());
    }
}
