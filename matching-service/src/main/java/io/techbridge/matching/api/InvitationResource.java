package io.techbridge.matching.api;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import io.techbridge.commons.api.ProblemResponses;
import io.techbridge.commons.problem.Problems;
import io.techbridge.commons.security.Caller;
import io.techbridge.commons.security.Role;
import io.techbridge.matching.invitation.Invitation;
import io.techbridge.matching.invitation.InvitationService;
import io.techbridge.matching.search.DemandDocument;
import io.techbridge.matching.search.DocumentIndexer;
import io.techbridge.matching.search.IndexAdmin;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Challenge invitations", description = "Organisations invited to open challenges (揭榜挂帅), and why")
public class InvitationResource {

    private final InvitationService invitations;
    private final DocumentIndexer documents;
    private final IndexAdmin indexes;
    private final CallerViews views;
    private final Caller caller;

    public InvitationResource(InvitationService invitations, DocumentIndexer documents, IndexAdmin indexes,
            CallerViews views, Caller caller) {
        this.invitations = invitations;
        this.documents = documents;
        this.indexes = indexes;
        this.views = views;
        this.caller = caller;
    }

    @GET
    @Path("/demands/{id}/invitations")
    @Extension(name = ProblemResponses.FORBIDDEN, value = "brokers, admins and the enterprise acting for the demand's organisation")
    @Operation(operationId = "listDemandInvitations", summary = "The organisations invited to a challenge, each with its best-matching achievement and why",
            description = "Brokers, admins and the enterprise acting for the demand's organisation see every "
                    + "invitation; a university only its own organisation's (none if it was not invited). Another "
                    + "enterprise 403; a demand unknown here 404. Best score first.")
    public List<InvitationView> ofDemand(@PathParam("id") String id) {
        caller.requireAuthenticated();
        indexes.ensureAliases();
        DemandDocument demand = documents.demands(IndexAdmin.DEMANDS, List.of(id)).get(id);
        if (demand == null) {
            throw Problems.notFound("demand", id);
        }
        return views.invitationsOf(demand, invitations.ofDemand(id));
    }

    @GET
    @Path("/invitations/mine")
    @Extension(name = ProblemResponses.FORBIDDEN, value = "universities")
    @Operation(operationId = "listMyInvitations", summary = "The challenges the caller's organisation was invited to, newest first",
            description = "Universities (and institutes). A BROKERS_ONLY demand is anonymised unless its "
                    + "introduction to the organisation was accepted.")
    public List<MyInvitation> mine() {
        caller.requireRole(Role.UNIVERSITY);
        List<Invitation> own = invitations.ofOrganisation(caller.requireOrganisation());
        if (own.isEmpty()) {
            return List.of();
        }
        indexes.ensureAliases();
        List<String> demandIds = own.stream().map(Invitation::demandId).distinct().toList();
        Map<String, DemandDocument> demands = documents.demands(IndexAdmin.DEMANDS, demandIds);
        return views.ownInvitations(own, demands, invitations.terms(demandIds));
    }
}
