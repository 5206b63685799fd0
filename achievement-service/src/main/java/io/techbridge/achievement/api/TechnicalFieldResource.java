package io.techbridge.achievement.api;

import io.techbridge.commons.domain.TechnicalField;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/fields")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Taxonomy", description = "The technical fields (技术领域) records are classified by")
public class TechnicalFieldResource {

    @GET
    @Operation(operationId = "listTechnicalFields", summary = "The technical-field taxonomy (技术领域) that fieldCode values come from")
    public List<TechnicalField> fields() {
        return TechnicalField.all();
    }
}
