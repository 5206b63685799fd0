package io.techbridge.achievement.imports;

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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
    private static final String CSV_UTF8 = "text/csv; charset=UTF-8";

    private final ImportService service;

    public ImportResource(ImportService service) {
        this.service = service;
    }

    @POST
    @Consumes({ImportFormat.CSV_MEDIA_TYPE, ImportFormat.XLSX_MEDIA_TYPE})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import achievements from a spreadsheet",
            description = "University role; rows become DRAFT achievements of the caller's organisation. Body: the file itself, "
                    + "Content-Type text/csv (UTF-8 or GBK) or the .xlsx type (first sheet). 202 with the job; "
                    + "400 for a missing or unknown column or too many rows, 413 for a file too large")
    @SecurityRequirement(name = BEARER)
    public Response upload(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @QueryParam("fileName") String fileName, UriInfo uri) {
        service.requireImporter();
        ImportFormat format = contentType.isCompatible(MediaType.valueOf(ImportFormat.XLSX_MEDIA_TYPE))
                ? ImportFormat.XLSX : ImportFormat.CSV;
        byte[] content = readAtMost(body, service.maxFileBytes());
        ImportJobResponse job = service.accept(format, fileName == null || fileName.isBlank() ? null
                : fileName.strip().substring(0, Math.min(fileName.strip().length(), 255)), content);
        return Response.accepted(job)
                .location(uri.getBaseUriBuilder().path("api/achievements/imports").path(job.id().toString()).build())
                .build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Progress of an import", description = "The uploading organisation, brokers and admins; others 404")
    @SecurityRequirement(name = BEARER)
    public ImportJobResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @GET
    @Path("/{id}/errors")
    @Produces({CSV_UTF8, MediaType.APPLICATION_JSON})
    @Operation(summary = "Error report of an import",
            description = "One line per problem: 行号 (row as in the sheet), 列 (column), 问题. CSV in UTF-8 with BOM "
                    + "(opens in Excel) unless Accept asks for application/json")
    @SecurityRequirement(name = BEARER)
    public Response errors(@PathParam("id") UUID id, HttpHeaders headers) {
        List<ImportErrorResponse> errors = service.errors(id);
        if (prefersJson(headers.getAcceptableMediaTypes())) {
            return Response.ok(errors, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(csv(errors), CSV_UTF8)
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"")
                .build();
    }

    /** JSON only when asked for before (or instead of) CSV; a browser download or a wildcard gets CSV. */
    private static boolean prefersJson(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return true;
            }
            if (type.getType().equals("text")) {
                return false;
            }
        }
        return false;
    }

    static byte[] csv(List<ImportErrorResponse> errors) {
        StringBuilder out = new StringBuilder("\uFEFF行号,列,问题\r\n");
        for (ImportErrorResponse error : errors) {
            out.append(error.row()).append(',').append(csvCell(error.column())).append(',')
                    .append(csvCell(error.problem())).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String csvCell(String value) {
        if (value == null) {
            return "";
        }
        // A leading formula character would be run by Excel; the apostrophe keeps it text.
        String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    /** The body, up to the limit; one byte more is a 413, without reading the rest into memory. */
    private byte[] readAtMost(InputStream body, long limit) {
        try (InputStream in = body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > limit) {
                    throw service.tooLarge();
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be read", e);
        }
    }
}
