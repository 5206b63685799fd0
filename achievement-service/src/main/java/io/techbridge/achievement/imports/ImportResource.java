package io.techbridge.achievement.imports;

import io.techbridge.commons.idempotency.Idempotent;
import io.techbridge.listing.duplicates.DuplicatesParameter;
import io.techbridge.listing.imports.ImportFormat;
import io.techbridge.listing.imports.ImportHttp;
import io.techbridge.listing.imports.ImportJobResponse;

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
import java.util.UUID;

/**
 * Bulk import of achievements from a spreadsheet: the file is the raw request body, its format
 * given by Content-Type. The upload answers 202 with the job; the job and its error report are
 * read while the rows are imported in the background.
 */
@Path("/api/achievements/imports")
@Tag(name = "Achievement imports", description = "Bulk registration from .xlsx or .csv registration forms")
public class ImportResource {

    private static final String BEARER = "bearer";

    private final AchievementImports imports;

    public ImportResource(AchievementImports imports) {
        this.imports = imports;
    }

    @POST
    @Idempotent
    @Consumes({ImportFormat.CSV_MEDIA_TYPE, ImportFormat.XLSX_MEDIA_TYPE})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import achievements from a spreadsheet",
            description = "University role; rows become DRAFT achievements of the caller's organisation. Body: the file itself, "
                    + "Content-Type text/csv (UTF-8 or GBK) or the .xlsx type (first sheet). 202 with the job; "
                    + "400 for a missing or unknown column or too many rows, 413 for a file too large. A row with "
                    + "near-duplicates (registered achievements of any organisation, or earlier rows of the file) is "
                    + "not stored but reported with its candidates, unless ?duplicates=confirmed")
    @SecurityRequirement(name = BEARER)
    public Response upload(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @QueryParam("fileName") String fileName, @QueryParam("duplicates") String duplicates, UriInfo uri) {
        return imports.jobs().upload(imports.requireImporter(DuplicatesParameter.confirmed(duplicates)), body,
                contentType, fileName, uri.getBaseUriBuilder().path("api/achievements/imports"));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Progress of an import", description = "The uploading organisation, brokers and admins; others 404")
    @SecurityRequirement(name = BEARER)
    public ImportJobResponse get(@PathParam("id") UUID id) {
        return imports.jobs().get(id);
    }

    @GET
    @Path("/{id}/errors")
    @Produces({ImportHttp.CSV_UTF8, MediaType.APPLICATION_JSON})
    @Operation(summary = "Error report of an import",
            description = "One line per problem: 行号 (row as in the sheet), 列 (column), 问题. CSV in UTF-8 with BOM "
                    + "(opens in Excel) unless Accept asks for application/json")
    @SecurityRequirement(name = BEARER)
    public Response errors(@PathParam("id") UUID id, HttpHeaders headers) {
        return imports.jobs().errorReport(id, headers);
    }
}
