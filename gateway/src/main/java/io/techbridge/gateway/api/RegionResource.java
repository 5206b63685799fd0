package io.techbridge.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techbridge.commons.domain.Regions;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The names of the GB/T 2260 region codes that records, pairs and statistics carry, so a client
 * shows 杭州市 rather than 330100. Answered by the gateway itself (no service owns it); the table
 * changes only with a new release, so the answer is built once and may be cached.
 */
@Path("/api/regions")
@Singleton
@Tag(name = "Regions", description = "Names of the region codes (GB/T 2260)")
public class RegionResource {

    /** Public for a day: the table only changes with a release, and the ETag catches that. */
    private static final String CACHE_CONTROL = "public, max-age=86400";

    private final byte[] body;
    private final EntityTag tag;

    public RegionResource(ObjectMapper json) {
        try {
            this.body = json.writeValueAsBytes(Regions.all());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the region table cannot be written as JSON", e);
        }
        this.tag = new EntityTag(sha256(body).substring(0, 32));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listRegions", summary = "Every region code with its name: the provinces and the prefecture-level divisions",
            description = "An object from six-digit code to Chinese name, sorted by code. A county code not listed "
                    + "is named after its prefecture-level city (first four digits + 00), else its province (first two "
                    + "digits + 0000). Public; cacheable for a day, with an ETag (If-None-Match answers 304).")
    @APIResponse(responseCode = "200", description = "code → name",
            headers = {@Header(name = "Cache-Control", description = "public, max-age=86400", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "changes when the table does", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.OBJECT, additionalProperties = String.class),
                    examples = @ExampleObject(name = "regions",
                            value = "{\"110000\": \"北京市\", \"330000\": \"浙江省\", \"330100\": \"杭州市\"}")))
    @APIResponse(responseCode = "304", description = "unchanged since the ETag sent in If-None-Match")
    public Response regions(@Context Request request) {
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).tag(tag).build();
        }
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE.withCharset(StandardCharsets.UTF_8.name()))
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).tag(tag).build();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
