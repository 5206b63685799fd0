package io.techbridge.matching.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techbridge.commons.api.PageRequest;
import io.techbridge.commons.api.PageResponse;
import io.techbridge.commons.api.ProblemResponses;
import io.techbridge.commons.security.AllowedRoles;
import io.techbridge.commons.security.Role;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "What happened to a university's or an enterprise's records, in the console and by e-mail")
public class NotificationResource {

    private static final String WHO = "universities and enterprises (brokers and admins have no notifications)";

    /**
     * One notification. {@code data} names records by id ({@code matchId}, {@code demandId},
     * {@code achievementId}, {@code jobId}, {@code savedSearchId}, …) with their titles where the
     * organisation may read them (a confidential demand not disclosed to it: 保密需求（<field>）).
     */
    public record NotificationView(long id, String type, Instant occurredAt, boolean read,
            @Schema(description = "the records it names, by id and title") Map<String, Object> data) {
    }

    public record UnreadCount(long unread) {
    }

    /** Mark read up to an id (inclusive), or {@code "all": true}. */
    public record ReadRequest(@Schema(description = "the id to mark read up to, inclusive") Long upTo,
            @Schema(description = "true to mark every notification read") Boolean all) {
    }

    public record ReadWatermark(long readUpTo) {
    }

    /** A user's choices: which types it sees in the console and gets by e-mail, and where e-mails go. */
    public record PreferencesRequest(List<String> console, List<String> email,
            @Schema(description = "where e-mails go; needed when email names a type", nullable = true) String emailAddress) {
    }

    public record PreferencesView(
            @Schema(description = "the types this role can be notified of") List<String> types,
            List<String> console, List<String> email,
            @Schema(nullable = true) String emailAddress,
            @Schema(description = "whether this platform sends e-mails at all") boolean mailEnabled,
            @Schema(nullable = true) Instant updatedAt) {
    }

    private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() { };

    private final NotificationService notifications;
    private final ObjectMapper mapper;

    public NotificationResource(NotificationService notifications, ObjectMapper mapper) {
        this.notifications = notifications;
        this.mapper = mapper;
    }

    @GET
    @Extension(name = ProblemResponses.FORBIDDEN, value = WHO)
    @Operation(operationId = "listNotifications", summary = "The caller's notifications, newest first",
            description = "The organisation's notifications of the types the user sees in the console, and its own saved "
                    + "searches'; by page number or by cursor (nextCursor, Link rel=\"next\").")
    public PageResponse<NotificationView> list(@QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("cursor") String cursor) {
        PageRequest paging = PageRequest.parse(page, size, cursor, NotificationService.CURSORS, 1);
        NotificationService.Page found = notifications.list(paging);
        return PageResponse.of(found.read(), n -> view(n, found.readUpTo()), paging, found.total(), n -> List.of(n.id()));
    }

    @GET
    @Path("/unread-count")
    @Extension(name = ProblemResponses.FORBIDDEN, value = WHO)
    @Operation(operationId = "countUnreadNotifications", summary = "How many of the caller's notifications are unread")
    public UnreadCount unread() {
        return new UnreadCount(notifications.unread());
    }

    @POST
    @Path("/read")
    @Consumes(MediaType.APPLICATION_JSON)
    @AllowedRoles({Role.UNIVERSITY, Role.ENTERPRISE})
    @Operation(operationId = "markNotificationsRead", summary = "Mark the caller's notifications read, up to an id or all",
            description = "Per user: every notification up to the id (inclusive) counts as read; the mark never moves back.")
    public ReadWatermark read(@NotNull ReadRequest body) {
        return new ReadWatermark(notifications.markRead(body.upTo(), body.all()));
    }

    @GET
    @Path("/preferences")
    @Extension(name = ProblemResponses.FORBIDDEN, value = WHO)
    @Operation(operationId = "getNotificationPreferences", summary = "The caller's choices: types in the console, by e-mail, the address",
            description = "Without choices made: every type in the console, none by e-mail.")
    public PreferencesView preferences() {
        return view(notifications.preferences());
    }

    @PUT
    @Path("/preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @AllowedRoles({Role.UNIVERSITY, Role.ENTERPRISE})
    @Operation(operationId = "putNotificationPreferences", summary = "Set the caller's choices",
            description = "console and email list notification types of the caller's role (see types); an e-mail type "
                    + "needs emailAddress.")
    public PreferencesView savePreferences(@NotNull PreferencesRequest body) {
        return view(notifications.savePreferences(body.console(), body.email(), body.emailAddress()));
    }

    private NotificationView view(NotificationStore.Stored stored, long readUpTo) {
        try {
            return new NotificationView(stored.id(), stored.type(), stored.occurredAt(), stored.id() <= readUpTo,
                    mapper.readValue(stored.data(), DATA));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored notification is JSON", e);
        }
    }

    private static PreferencesView view(NotificationService.Choices choices) {
        return new PreferencesView(choices.types(), choices.console(), choices.email(), choices.emailAddress(),
                choices.mailEnabled(), choices.updatedAt());
    }
}
