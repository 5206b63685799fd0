package io.techbridge.matching.api;

import io.techbridge.commons.api.PageRequest;
import io.techbridge.commons.api.PageResponse;
import io.techbridge.commons.api.QueryParameters;
import io.techbridge.commons.problem.Problems;
import io.techbridge.matching.matching.Matcher;
import io.techbridge.matching.persistence.MatchPair;
import io.techbridge.matching.persistence.MatchPairRepository;
import io.techbridge.matching.search.AchievementDocument;
import io.techbridge.matching.search.DemandDocument;
import io.techbridge.matching.search.DocumentIndexer;
import io.techbridge.matching.search.IndexAdmin;
import io.techbridge.matching.workflow.BrokerWorkflowService;
import io.techbridge.matching.workflow.MatchStatus;
import io.techbridge.matching.workflow.MatchView;
import io.techbridge.matching.workflow.ProposalService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Matches", description = "Explained supply–demand pairs and the broker pipeline")
public class MatchResource {

    private static final int MAX_LIMIT = 50;

    private final Matcher matcher;
    private final DocumentIndexer documents;
    private final ProposalService proposals;
    private final BrokerWorkflowService workflow;
    private final IndexAdmin indexes;

    public MatchResource(Matcher matcher, DocumentIndexer documents, ProposalService proposals,
            BrokerWorkflowService workflow, IndexAdmin indexes) {
        this.matcher = matcher;
        this.documents = documents;
        this.proposals = proposals;
        this.workflow = workflow;
        this.indexes = indexes;
    }

    @GET
    @Path("/demands/{id}/matches")
    @Operation(summary = "The best achievements for a demand, ranked, each with its explanation")
    public List<MatchCandidate> forDemand(@PathParam("id") String id, @QueryParam("limit") String limit) {
        indexes.ensureAliases();
        int n = limit(limit);
        DemandDocument demand = documents.demands(IndexAdmin.DEMANDS, List.of(id)).get(id);
        if (demand == null) {
            throw Problems.notFound("demand", id);
        }
        Map<String, MatchPair> stored = proposals.pairsByOtherSide(id, null);
        return matcher.forDemand(demand, n).stream()
                .map(p -> MatchCandidate.forDemand(p, stored.get(p.achievementId())))
                .toList();
    }

    @GET
    @Path("/achievements/{id}/matches")
    @Operation(summary = "The best open demands for an achievement, ranked, each with its explanation")
    public List<MatchCandidate> forAchievement(@PathParam("id") String id, @QueryParam("limit") String limit) {
        indexes.ensureAliases();
        int n = limit(limit);
        AchievementDocument achievement = documents.achievements(IndexAdmin.ACHIEVEMENTS, List.of(id)).get(id);
        if (achievement == null) {
            throw Problems.notFound("achievement", id);
        }
        Map<String, MatchPair> stored = proposals.pairsByOtherSide(null, id);
        return matcher.forAchievement(achievement, n).stream()
                .map(p -> MatchCandidate.forAchievement(p, stored.get(p.demandId())))
                .toList();
    }

    @GET
    @Path("/matches")
    @Operation(summary = "The broker queue: pairs by status, field and minimum score, best first")
    public PageResponse<MatchView> queue(@QueryParam("status") String status, @QueryParam("field") String field,
            @QueryParam("minScore") String minScore, @QueryParam("demandId") String demandId,
            @QueryParam("achievementId") String achievementId, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return workflow.queue(new MatchPairRepository.Filter(
                        QueryParameters.enumValue("status", status, MatchStatus.class),
                        QueryParameters.fieldCode("field", field),
                        score(minScore),
                        QueryParameters.text("demandId", demandId, 64),
                        QueryParameters.text("achievementId", achievementId, 64)),
                PageRequest.parse(page, size));
    }

    @GET
    @Path("/matches/{id}")
    @Operation(summary = "One pair with its explanation and history")
    public MatchView get(@PathParam("id") UUID id) {
        return workflow.get(id);
    }

    @POST
    @Path("/matches/{id}/decision")
    @Operation(summary = "Approve or reject a proposed pair (a rejection needs a reason code)")
    public MatchView decide(@PathParam("id") UUID id, @NotNull @Valid DecisionRequest body,
            @HeaderParam("X-Actor") String actor) {
        return workflow.decide(id, body.decision(), body.reasonCode(), body.note(), body.version(), actor(actor));
    }

    @POST
    @Path("/matches/{id}/transition")
    @Operation(summary = "Move an approved pair on: INTRODUCED, NEGOTIATING, CONTRACTED (amount, registration number) or FAILED")
    public MatchView transition(@PathParam("id") UUID id, @NotNull @Valid TransitionRequest body,
            @HeaderParam("X-Actor") String actor) {
        return workflow.transition(id, body.status(), body.contractAmountCny(), body.registrationNo(), body.note(),
                body.version(), actor(actor));
    }

    private static String actor(String header) {
        return header == null || header.isBlank() ? "broker" : header.strip();
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return 10;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problems.invalidQuery("limit", "Range", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static Double score(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double score = Double.parseDouble(value.strip());
            if (score >= 0 && score <= 1) {
                return score;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problems.invalidQuery("minScore", "Range", "must be a number from 0 to 1");
    }
}
