package io.techbridge.matching.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.techbridge.commons.api.PageRequest;
import io.techbridge.commons.api.PageResponse;
import io.techbridge.commons.api.ProblemResponses;
import io.techbridge.commons.api.QueryParameters;
import io.techbridge.commons.idempotency.Idempotent;
import io.techbridge.commons.security.AllowedRoles;
import io.techbridge.commons.security.Role;
import io.techbridge.matching.persistence.WebhookDelivery;
import io.techbridge.matching.webhook.WebhookService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "An organisation's system hears of new pairs, introductions, invitations, challenge phases and finished imports")
public class WebhookResource {

    private static final String OWNERS = "the subscribing university or enterprise, and admins";

    private final WebhookService webhooks;
    private final ObjectMapper mapper;

    public WebhookResource(WebhookService webhooks, ObjectMapper mapper) {
        this.webhooks = webhooks;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @AllowedRoles({Role.UNIVERSITY, Role.ENTERPRISE})
    @Operation(operationId = "createWebhook", summary = "Subscribe a URL of the caller's organisation to events",
            description = "Universities and enterprises, for their own organisation, to the events their role may hear "
                    + "of. The answer carries the signing secret, this once. Each event is POSTed as JSON with the headers "
                    + "TechBridge-Event, TechBridge-Delivery and TechBridge-Signature (t=<unix seconds>,v1=<hex "
                    + "HMAC-SHA256 of \"<t>.<body>\">); any 2xx answer takes it, anything else is tried again with back-off.")
    @APIResponse(responseCode = "201", description = "the subscription, with its secret",
            headers = @Header(name = "Location", description = "/api/webhooks/{id}", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    public Response create(@NotNull @Valid WebhookRequest body) {
        WebhookService.Created created = webhooks.subscribe(body.url(), body.events(), body.description());
        return Response.status(Response.Status.CREATED).header("Location", "/api/webhooks/" + created.subscription().id)
                .entity(WebhookView.of(created.subscription(), created.secret())).build();
    }

    @GET
    @Extension(name = ProblemResponses.FORBIDDEN, value = OWNERS)
    @Operation(operationId = "listWebhooks", summary = "The organisation's subscriptions, oldest first",
            description = "A university or enterprise sees its organisation's; an admin everyone's, or one organisation's.")
    public PageResponse<WebhookView> list(@QueryParam("organisationId") String organisationId,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        String organisation = QueryParameters.text("organisationId", organisationId, 64);
        PageRequest paging = PageRequest.parse(page, size);
        return PageResponse.of(webhooks.list(organisation, paging.page(), paging.size()), s -> WebhookView.of(s, null),
                paging, webhooks.count(organisation));
    }

    @GET
    @Path("/{id}")
    @Extension(name = ProblemResponses.FORBIDDEN, value = OWNERS)
    @Operation(operationId = "getWebhook", summary = "One subscription; another organisation's is 404")
    public WebhookView get(@PathParam("id") UUID id) {
        return WebhookView.of(webhooks.get(id), null);
    }

    @DELETE
    @Path("/{id}")
    @AllowedRoles({Role.UNIVERSITY, Role.ENTERPRISE, Role.ADMIN})
    @Operation(operationId = "deleteWebhook", summary = "End a subscription and drop its delivery log")
    @APIResponse(responseCode = "204", description = "deleted")
    public Response delete(@PathParam("id") UUID id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/pause")
    @AllowedRoles({Role.UNIVERSITY, Role.ENTERPRISE, Role.ADMIN})
    @Operation(operationId = "pauseWebhook", summary = "Hold deliveries: events still become deliveries, which wait until resumed")
    public WebhookView pause(@PathParam("id") UUID id) {
        return WebhookView.of(webhooks.pause(id), null);
    }

    @POST
    @Path("/{id}/resume")
    @AllowedRoles({Role.UNIVERSITY, Role.ENTERPRISE, Role.ADMIN})
    @Operation(operationId = "resumeWebhook", summary = "Send again: the waiting deliveries go out at once, the failure count starts afresh")
    public WebhookView resume(@PathParam("id") UUID id) {
        return WebhookView.of(webhooks.resume(id), null);
    }

    @POST
    @Path("/{id}/ping")
    @AllowedRoles({Role.UNIVERSITY, Role.ENTERPRISE, Role.ADMIN})
    @Operation(operationId = "pingWebhook", summary = "Send a ping event, to check the receiver and its signature check")
    @APIResponse(responseCode = "202", description = "the ping delivery, queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookDeliveryView.class)))
    public Response ping(@PathParam("id") UUID id) {
        return Response.accepted(WebhookDeliveryView.of(webhooks.ping(id), mapper)).build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Extension(name = ProblemResponses.FORBIDDEN, value = OWNERS)
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log, newest first, of one status or all")
    public PageResponse<WebhookDeliveryView> deliveries(@PathParam("id") UUID id, @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        WebhookDelivery.Status asked = QueryParameters.enumValue("status", status, WebhookDelivery.Status.class);
        String wanted = asked == null ? null : asked.name();
        PageRequest paging = PageRequest.parse(page, size);
        return PageResponse.of(webhooks.deliveries(id, wanted, paging.page(), paging.size()),
                d -> WebhookDeliveryView.of(d, mapper), paging, webhooks.countDeliveries(id, wanted));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/replay")
    @AllowedRoles({Role.UNIVERSITY, Role.ENTERPRISE, Role.ADMIN})
    @Operation(operationId = "replayWebhookDelivery", summary = "Send a delivery again, as a new delivery of the same event",
            description = "Any delivery, delivered or failed; the new one has the same event id and body.")
    @APIResponse(responseCode = "202", description = "the new delivery, queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookDeliveryView.class)))
    public Response replay(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return Response.accepted(WebhookDeliveryView.of(webhooks.replay(id, deliveryId), mapper)).build();
    }
}
