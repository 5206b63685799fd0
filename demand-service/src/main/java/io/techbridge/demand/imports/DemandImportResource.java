package io.techbridge.demand.imports;

import io.techbridge.commons.idempotency.Idempotent;
import io.techbridge.listing.imports.ImportErrorResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.techbridge.commons.security.AllowedRoles;
import io.techbridge.commons.security.Role;
import io.techbridge.listing.duplicates.DuplicatesParameter;
import io.techbridge.listing.imports.ImportFormat;
import io.techbridge.listing.imports.ImportHttp;
import io.techbridge.listing.imports.ImportUpload;
import io.techbridge.listing.imports.ImportJobResponse;
import io.techbridge.commons.api.QueryParameters;
import io.techbridge.listing.imports.ImportJobs;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;

/**
 * Bulk import of demands from a spreadsheet: the file is the raw request body, its format given by
 * Content-Type. The upload answers 202 with the job; the job and its error report are read while
 * the rows are imported in the background. The same API as the achievement import.
 */
@Path("/api/demands/imports")
@Tag(name = "Demand imports", description = "Bulk posting from .xlsx or .csv demand registration forms")
public class DemandImportResource {

    private static final String BEARER = "bearer";

    private final DemandImports imports;

    public DemandImportResource(DemandImports imports) {
        this.imports = imports;
    }

    @AllowedRoles({Role.ENTERPRISE, Role.ADMIN})
    @POST
    @Idempotent
    @Consumes({ImportFormat.CSV_MEDIA_TYPE, ImportFormat.XLSX_MEDIA_TYPE})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importDemands", summary = "Import demands from a spreadsheet",
            description = "Enterprise role, for its own organisation; or admin naming an existing enterprise's organisationId, "
                    + "whose rows must be government-set open challenges (the rules of a create apply to every row). "
                    + "Rows become OPEN demands. "
                    + "Body: the file itself, Content-Type text/csv (UTF-8 or GBK) or the .xlsx type (first sheet). "
                    + "202 with the job; 400 for a missing or unknown column or too many rows, 413 for a file too large. "
                    + "A row with near-duplicates (posted demands of any organisation, or earlier rows of the file) is "
                    + "not stored but reported with its candidates, unless ?duplicates=confirmed")
    @SecurityRequirement(name = BEARER)
    @APIResponse(responseCode = "202", description = "the job, queued; follow Location for its progress",
            headers = @Header(name = "Location", description = "the URL of the job", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJobResponse.class)))
    @ImportUpload
    @APIResponse(responseCode = "503", description = "uploads-busy: the service is reading as many files as it may at once; "
            + "send the file again after Retry-After seconds",
            headers = @Header(name = "Retry-After", description = "seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = "application/problem+json"))
    public Response upload(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @QueryParam("fileName") String fileName, @QueryParam("organisationId") String organisationId,
            @QueryParam("duplicates") String duplicates, UriInfo uri) {
        return imports.jobs().upload(imports.requireImporter(organisationId, DuplicatesParameter.confirmed(duplicates)),
                body, contentType, fileName, uri.getBaseUriBuilder().path("api/demands/imports"));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listDemandImports", summary = "The newest imports, newest first",
            description = "Brokers and admins: every organisation's (or the one organisationId names); others: "
                    + "their organisation's, uploaded by it or for it")
    @SecurityRequirement(name = BEARER)
    public List<ImportJobResponse> recent(@QueryParam("organisationId") String organisationId,
            @Parameter(description = "How many, 1–100 (default 20)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100")) @QueryParam("limit") String limit) {
        return imports.jobs().recent(QueryParameters.text("organisationId", organisationId, 64), ImportJobs.limit(limit));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDemandImport", summary = "Progress of an import",
            description = "The organisation the rows are for, the uploading organisation, brokers and admins; others 404")
    @SecurityRequirement(name = BEARER)
    public ImportJobResponse get(@PathParam("id") UUID id) {
        return imports.jobs().get(id);
    }

    @GET
    @Path("/{id}/errors")
    @Produces({ImportHttp.CSV_UTF8, MediaType.APPLICATION_JSON})
    @Operation(operationId = "getDemandImportErrors", summary = "Error report of an import",
            description = "One line per problem: 行号 (row as in the sheet), 列 (column), 问题. CSV in UTF-8 with BOM "
                    + "(opens in Excel) unless Accept asks for application/json")
    @SecurityRequirement(name = BEARER)
    @APIResponse(responseCode = "200", description = "the problems, one per row and column",
            content = {@Content(mediaType = ImportHttp.CSV_UTF8, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportErrorResponse.class, type = SchemaType.ARRAY))})
    public Response errors(@PathParam("id") UUID id, HttpHeaders headers) {
        return imports.jobs().errorReport(id, headers);
    }
}
