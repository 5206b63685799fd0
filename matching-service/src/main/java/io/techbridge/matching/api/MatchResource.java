package io.techbridge.matching.api;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import io.techbridge.commons.api.ProblemResponses;
import io.techbridge.commons.api.PageRequest;
import io.techbridge.commons.api.PageResponse;
import io.techbridge.commons.api.QueryParameters;
import io.techbridge.commons.domain.PlatformCalendar;
import io.techbridge.commons.problem.Problems;
import io.techbridge.commons.security.AllowedRoles;
import io.techbridge.commons.security.Caller;
import io.techbridge.commons.security.Role;
import io.techbridge.matching.access.Visibility;
import io.techbridge.matching.matching.Matcher;
import io.techbridge.matching.matching.ScoredPair;
import io.techbridge.matching.persistence.MatchPairRepository;
import io.techbridge.matching.search.AchievementDocument;
import io.techbridge.matching.search.DemandDocument;
import io.techbridge.matching.search.DocumentIndexer;
import io.techbridge.matching.search.IndexAdmin;
import io.techbridge.matching.workflow.BrokerWorkflowService;
import io.techbridge.matching.domain.MatchStatus;
import io.techbridge.matching.workflow.MatchView;
import io.techbridge.matching.workflow.ProposalService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
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
    private final Visibility visibility;
    private final CallerViews views;
    private final Caller caller;

    public MatchResource(Matcher matcher, DocumentIndexer documents, ProposalService proposals,
            BrokerWorkflowService workflow, IndexAdmin indexes, Visibility visibility, CallerViews views, Caller caller) {
        this.visibility = visibility;
        this.views = views;
        this.caller = caller;
        this.matcher = matcher;
        this.documents = documents;
        this.proposals = proposals;
        this.workflow = workflow;
        this.indexes = indexes;
    }

    @GET
    @Path("/demands/{id}/matches")
    @Extension(name = ProblemResponses.FORBIDDEN, value = "brokers, admins and the enterprise acting for the demand's organisation")
    @Operation(operationId = "listDemandMatches", summary = "The best achievements for a demand, ranked, each with its explanation",
            description = "Brokers and admins, or an enterprise acting for the demand's organisation. "
                    + "Only strong pairs (score at or above the operating threshold) unless includeWeak=true, "
                    + "which adds weaker candidates marked strong: false. "
                    + "A pair's id and state are shown to the enterprise from APPROVED on.")
    public RestResponse<List<MatchCandidate>> forDemand(@PathParam("id") String id,
            @Parameter(description = "How many, 1–" + MAX_LIMIT + " (default 10)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "50")) @QueryParam("limit") String limit,
            @Parameter(description = "true to list the weaker candidates below the proposal threshold too",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("includeWeak") String includeWeak) {
        visibility.requireRankingRole(Role.ENTERPRISE);
        int n = QueryParameters.wholeNumber("limit", limit, 1, MAX_LIMIT, 10);
        indexes.ensureAliases();
        DemandDocument demand = documents.demands(IndexAdmin.DEMANDS, List.of(id)).get(id);
        if (demand == null) {
            throw Problems.notFound("demand", id);
        }
        visibility.requireOwnRecord("demand", id, demand.organisationId());
        return ranked(views.rankingOfDemand(matcher.forDemand(demand, n, lowestScore(includeWeak)),
                proposals.pairsByOtherSide(id, null)), demand.version());
    }

    @GET
    @Path("/achievements/{id}/matches")
    @Extension(name = ProblemResponses.FORBIDDEN, value = "brokers, admins and the university acting for the achievement's organisation")
    @Operation(operationId = "listAchievementMatches", summary = "The best open demands for an achievement, ranked, each with its explanation",
            description = "Brokers and admins, or a university acting for the achievement's organisation. "
                    + "Only strong pairs unless includeWeak=true (weaker ones marked strong: false). "
                    + "A BROKERS_ONLY demand is anonymised for the university until its introduction is accepted.")
    public RestResponse<List<MatchCandidate>> forAchievement(@PathParam("id") String id,
            @Parameter(description = "How many, 1–" + MAX_LIMIT + " (default 10)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "50")) @QueryParam("limit") String limit,
            @Parameter(description = "true to list the weaker candidates below the proposal threshold too",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("includeWeak") String includeWeak) {
        visibility.requireRankingRole(Role.UNIVERSITY);
        int n = QueryParameters.wholeNumber("limit", limit, 1, MAX_LIMIT, 10);
        indexes.ensureAliases();
        AchievementDocument achievement = documents.achievements(IndexAdmin.ACHIEVEMENTS, List.of(id)).get(id);
        if (achievement == null) {
            throw Problems.notFound("achievement", id);
        }
        visibility.requireOwnRecord("achievement", id, achievement.organisationId());
        return ranked(views.rankingOfAchievement(matcher.forAchievement(achievement, n, lowestScore(includeWeak)),
                proposals.pairsByOtherSide(null, id)), achievement.version());
    }

    @GET
    @Path("/matches")
    @Extension(name = ProblemResponses.FORBIDDEN, value = "brokers and admins (assignee, dueBy, q, sort=due); brokers, admins, universities and enterprises (the rest)")
    @Operation(operationId = "listMatchQueue", summary = "The broker queue: pairs by status, field and minimum score, best first",
            description = "Brokers and admins see every pair; a university or enterprise the pairs its organisation "
                    + "is a party to, from APPROVED on. Brokers and admins may also filter by who follows a pair up "
                    + "(assignee), when its next step is due (dueBy), text in the titles or organisation names of its "
                    + "demand and achievement (q), and order it by score, newest or next step (sort).")
    public PageResponse<MatchView> queue(@QueryParam("status") String status, @QueryParam("field") String field,
            @Parameter(description = "Lowest score, 0–1", schema = @Schema(type = SchemaType.NUMBER, minimum = "0", maximum = "1"))
            @QueryParam("minScore") String minScore, @QueryParam("demandId") String demandId,
            @QueryParam("achievementId") String achievementId,
            @Parameter(description = "me (the caller's pairs), unassigned, or a broker's user id; brokers and admins")
            @QueryParam("assignee") String assignee,
            @Parameter(description = "today, or a date yyyy-mm-dd: pairs whose next step falls on or before it; brokers and admins",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^(today|\\d{4}-\\d{2}-\\d{2})$"))
            @QueryParam("dueBy") String dueBy,
            @Parameter(description = "Text in the titles or organisation names of the pair's demand and achievement; brokers and admins")
            @QueryParam("q") String text,
            @Parameter(description = "score (best first, the default), newest, or due (by the next step's date; pairs with one)",
                    schema = @Schema(enumeration = {"score", "newest", "due"}))
            @QueryParam("sort") String sort,
            @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("cursor") String cursor) {
        MatchPairRepository.QueueSort order = queueSort(sort);
        MatchPairRepository.Filter asked = new MatchPairRepository.Filter(
                QueryParameters.enumValue("status", status, MatchStatus.class),
                QueryParameters.fieldCode("field", field),
                QueryParameters.number("minScore", minScore, 0, 1),
                QueryParameters.text("demandId", demandId, 64),
                QueryParameters.text("achievementId", achievementId, 64))
                .followUp(assigneeId(assignee), "unassigned".equals(QueryParameters.text("assignee", assignee, Integer.MAX_VALUE)),
                        QueryParameters.date("dueBy", dueBy, PlatformCalendar.ZONE), QueryParameters.text("q", text, 100), order);
        if (asked.asksForFollowUp()) {
            caller.requireRole(Role.BROKER, Role.ADMIN);
        }
        PageResponse<MatchView> found = workflow.queue(visibility.scope(asked), order, PageRequest.parse(page, size, cursor,
                MatchPairRepository.queueListOf(order), MatchPairRepository.QUEUE_KEY_LENGTH));
        return found.withItems(views.show(found.items()));
    }

    @GET
    @Path("/matches/{id}")
    @Operation(operationId = "getMatch", summary = "One pair with its explanation and history",
            description = "Brokers and admins; a party organisation from APPROVED on; anyone else gets 404.")
    public MatchView get(@PathParam("id") UUID id) {
        caller.requireAuthenticated();
        MatchView pair = workflow.get(id);
        return views.visible(pair);
    }

    @AllowedRoles({Role.BROKER})
    @POST
    @Path("/matches/{id}/decision")
    @Operation(operationId = "decideMatch", summary = "Approve or reject a proposed pair (a rejection needs a reason code); brokers only")
    public MatchView decide(@PathParam("id") UUID id, @NotNull @Valid DecisionRequest body) {
        caller.requireRole(Role.BROKER);
        return workflow.decide(id, body.decision(), body.reasonCode(), body.note(), body.version(), caller.name());
    }

    @AllowedRoles({Role.BROKER})
    @POST
    @Path("/matches/{id}/transition")
    @Operation(operationId = "moveMatch", summary = "Move an approved pair on: INTRODUCED, NEGOTIATING, CONTRACTED (amount, registration number) "
            + "or FAILED; brokers only")
    public MatchView transition(@PathParam("id") UUID id, @NotNull @Valid TransitionRequest body) {
        caller.requireRole(Role.BROKER);
        return workflow.transition(id, body.status(), body.contractAmountCny(), body.registrationNo(), body.note(),
                Boolean.TRUE.equals(body.offlineAcceptance()), body.version(), caller.name());
    }

    @AllowedRoles({Role.ENTERPRISE})
    @POST
    @Path("/matches/{id}/introduction")
    @Operation(operationId = "answerIntroduction", summary = "The enterprise's answer to an introduction: accept (discloses the pair) or decline (FAILED)",
            description = "The enterprise acting for the demand's organisation, once, while the pair is INTRODUCED; "
                    + "otherwise 409. Until it has accepted, a broker moves the pair to NEGOTIATING only by recording "
                    + "an acceptance given offline (offlineAcceptance with a note).")
    public MatchView answerIntroduction(@PathParam("id") UUID id, @NotNull @Valid IntroductionAnswer body) {
        caller.requireRole(Role.ENTERPRISE);
        return workflow.answerIntroduction(id, body.accept(), body.note(), body.version(), caller.name());
    }

    /** Which version of the record the ranking was computed for, so that a client that just saved a newer one waits for it. */
    public static final String RANKED_VERSION = "TechBridge-Ranked-Version";

    private static RestResponse<List<MatchCandidate>> ranked(List<MatchCandidate> candidates, long version) {
        return RestResponse.ResponseBuilder.ok(candidates).header(RANKED_VERSION, version).build();
    }

    /** Only the strong pairs, unless the caller asks for the weaker candidates too (marked strong: false). */
    private double lowestScore(String includeWeak) {
        return QueryParameters.bool("includeWeak", includeWeak, false) ? Matcher.ANY_SCORE : matcher.proposalThreshold();
    }

    /** me → the caller's user id; unassigned → none (a separate condition); another value: that user id. */
    private String assigneeId(String value) {
        String v = QueryParameters.text("assignee", value, Integer.MAX_VALUE);
        if (v == null || v.equals("unassigned")) {
            return null;
        }
        if (v.equals("me")) {
            return caller.userId().orElseThrow(() -> Problems.invalidQuery("assignee", "Assignee",
                    "me needs a user's login; this token names no user"));
        }
        if (v.length() > 100) {
            throw Problems.invalidQuery("assignee", "Size", "must be me, unassigned, or a user id of at most 100 characters");
        }
        return v;
    }

    private static MatchPairRepository.QueueSort queueSort(String value) {
        String v = QueryParameters.text("sort", value, Integer.MAX_VALUE);
        if (v == null) {
            return MatchPairRepository.QueueSort.SCORE;
        }
        return switch (v) {
            case "score" -> MatchPairRepository.QueueSort.SCORE;
            case "newest" -> MatchPairRepository.QueueSort.NEWEST;
            case "due" -> MatchPairRepository.QueueSort.DUE;
            default -> throw Problems.invalidQuery("sort", "OneOf", "must be one of score, newest, due");
        };
    }
}
