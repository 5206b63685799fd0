package io.techbridge.matching.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.techbridge.commons.security.Caller;
import io.techbridge.matching.report.StatisticsWorkbook;
import io.techbridge.matching.workflow.Statistics;
import io.techbridge.matching.workflow.StatisticsService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/stats/report.xlsx")
@Tag(name = "Statistics", description = "The figures operators report")
public class StatsReportResource {

    private final StatisticsService statistics;
    private final Caller caller;

    public StatsReportResource(StatisticsService statistics, Caller caller) {
        this.statistics = statistics;
        this.caller = caller;
    }

    @GET
    @Produces(StatisticsWorkbook.MEDIA_TYPE)
    @Operation(operationId = "getStatsReport", summary = "The operators' statistics as an .xlsx workbook: 汇总, 按领域, 按地区, 按月份",
            description = """
                    The same parameters and figures as GET /api/stats (the same query), laid out for a report: \
                    each sheet starts with the period, region and field, then Chinese column headers and the \
                    figures as numbers; turnover in CNY. Any logged-in user.""")
    @APIResponse(responseCode = "200", description = "the workbook, as an attachment",
            content = @Content(mediaType = StatisticsWorkbook.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response report(
            @Parameter(description = "First month, YYYY-MM (default: 11 months before `to`)")
            @QueryParam("from") String from,
            @Parameter(description = "Last month, included, YYYY-MM (default: this month)")
            @QueryParam("to") String to,
            @Parameter(description = "Six-digit region code, or a province or city prefix (33, 3301)")
            @QueryParam("region") String region,
            @Parameter(description = "Technical-field code: a top-level field (04) takes in its sub-fields")
            @QueryParam("field") String field) {
        caller.requireAuthenticated();
        StatsQuery query = StatsQuery.parse(from, to, region, field);
        Statistics figures = statistics.compute(query.from(), query.to(), query.field(), query.region());
        String name = "techbridge-stats-" + query.from() + "_" + query.to()
                + (query.region() == null ? "" : "-" + query.region())
                + (query.field() == null ? "" : "-" + query.field()) + ".xlsx";
        return Response.ok(StatisticsWorkbook.write(figures, query.region(), query.field()), StatisticsWorkbook.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .build();
    }
}
