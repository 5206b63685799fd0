package io.techbridge.matching.api;

import io.techbridge.commons.api.PageRequest;
import io.techbridge.commons.api.PageResponse;
import io.techbridge.commons.api.ProblemResponses;
import io.techbridge.commons.problem.Problems;
import io.techbridge.commons.security.AllowedRoles;
import io.techbridge.commons.security.Caller;
import io.techbridge.commons.security.Role;
import io.techbridge.matching.deadletter.DeadLetterService;
import io.techbridge.matching.deadletter.DeadLetterViews;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters", description = "Messages a consumer could not read or apply, set aside on <topic>.dlq: "
        + "counted, read and replayed on their source topic (role admin)")
public class DeadLetterResource {

    private static final String TOPIC = "a dead-letter topic of the platform, <topic>.dlq, e.g. achievement-events.dlq";

    private final DeadLetterService deadLetters;
    private final Caller caller;

    public DeadLetterResource(DeadLetterService deadLetters, Caller caller) {
        this.deadLetters = deadLetters;
        this.caller = caller;
    }

    @GET
    @Extension(name = ProblemResponses.FORBIDDEN, value = "admins")
    @Operation(operationId = "listDeadLetterTopics", summary = "Every dead-letter topic with how many messages it holds and how many were never replayed",
            description = "One entry per topic the platform uses, also for a dead-letter topic nothing was set aside on yet (0).")
    public DeadLetterViews.Topics topics() {
        caller.requireRole(Role.ADMIN);
        return deadLetters.topics();
    }

    @GET
    @Path("/{topic}")
    @Extension(name = ProblemResponses.FORBIDDEN, value = "admins")
    @Operation(operationId = "listDeadLetters", summary = "A dead-letter topic's messages, newest first, with why each was set aside and whether it was replayed",
            description = "Values longer than 64 KiB are cut (valueTruncated); GET one message for the whole. "
                    + "A listing reaches back 10,000 messages.")
    public PageResponse<DeadLetterViews.Message> list(@PathParam("topic") @Parameter(description = TOPIC) String topic,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        caller.requireRole(Role.ADMIN);
        return deadLetters.list(topic, PageRequest.parse(page, size));
    }

    @GET
    @Path("/{topic}/{partition}/{offset}")
    @Extension(name = ProblemResponses.FORBIDDEN, value = "admins")
    @Operation(operationId = "getDeadLetter", summary = "One dead letter in full, with its headers and replays")
    public DeadLetterViews.Message get(@PathParam("topic") @Parameter(description = TOPIC) String topic,
            @PathParam("partition") String partition, @PathParam("offset") String offset) {
        caller.requireRole(Role.ADMIN);
        return deadLetters.get(topic, partition(partition), offset(offset));
    }

    @POST
    @Path("/{topic}/{partition}/{offset}/replay")
    @AllowedRoles({Role.ADMIN})
    @Operation(operationId = "replayDeadLetter", summary = "Publish a dead letter again on its source topic, once",
            description = "With its key, value and own headers, plus dead-letter-replayed-from: <dlq topic>/<partition>/<offset>; "
                    + "the replay (who, when, the offset it got) is recorded. A message replayed before is 409 "
                    + "already-replayed unless again=true. Consumers apply each aggregate version once, so replaying "
                    + "an event that was applied meanwhile changes nothing.")
    public DeadLetterViews.Message replay(@PathParam("topic") @Parameter(description = TOPIC) String topic,
            @PathParam("partition") String partition, @PathParam("offset") String offset,
            @QueryParam("again") @Parameter(description = "true: replay a message that was replayed before") String again) {
        caller.requireRole(Role.ADMIN);
        return deadLetters.replay(topic, partition(partition), offset(offset), flag(again), caller.name());
    }

    @POST
    @Path("/{topic}/replay")
    @AllowedRoles({Role.ADMIN})
    @Operation(operationId = "replayAllDeadLetters", summary = "Replay every message of a dead-letter topic never replayed",
            description = "Each as a replay of one message, recorded alike; answers how many were replayed.")
    public DeadLetterViews.ReplayAll replayAll(@PathParam("topic") @Parameter(description = TOPIC) String topic) {
        caller.requireRole(Role.ADMIN);
        return deadLetters.replayAll(topic, caller.name());
    }

    private static int partition(String value) {
        try {
            int partition = Integer.parseInt(value.strip());
            if (partition >= 0) {
                return partition;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problems.invalidPath("partition", "Min", "must be a whole number, 0 or more, not '" + value + "'");
    }

    private static long offset(String value) {
        try {
            long offset = Long.parseLong(value.strip());
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problems.invalidPath("offset", "Min", "must be a whole number, 0 or more, not '" + value + "'");
    }

    private static boolean flag(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Problems.invalidQuery("again", "type", "must be true or false, not '" + value + "'");
        };
    }
}
