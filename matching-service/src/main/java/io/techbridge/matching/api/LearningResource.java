package io.techbridge.matching.api;

import io.techbridge.commons.security.Caller;
import io.techbridge.matching.learning.LearningReport;
import io.techbridge.matching.workflow.LearningService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/stats/learning")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "The figures operators report")
public class LearningResource {

    private final LearningService learning;
    private final Caller caller;

    public LearningResource(LearningService learning, Caller caller) {
        this.learning = learning;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getLearningReport", summary = "What broker decisions taught the matcher, per top-level field",
            description = """
                    Every top-level field with its broker decisions on proposals (approved, rejected, acceptance \
                    rate = approved / decisions, rejections by reason code), the factor weights its pairs are \
                    scored with now against the defaults, and the latest moves of those weights (newest first), \
                    each with the decision that caused it. Any logged-in user; the moves (with their pairs, \
                    brokers and causes) only for brokers and admins, the others get the aggregates.""")
    public List<LearningReport> learning() {
        caller.requireAuthenticated();
        List<LearningReport> report = learning.report();
        return caller.seesEverything() ? report : report.stream().map(LearningReport::aggregatesOnly).toList();
    }
}
