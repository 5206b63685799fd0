package io.techbridge.matching.api;

import io.techbridge.commons.problem.Problem;
import io.techbridge.matching.search.SearchUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/** The search index out of reach is an outage: 503 with Retry-After, as for the database. */
public class SearchProblemMappers {

    private static final Logger LOG = Logger.getLogger(SearchProblemMappers.class);
    private static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response searchUnavailable(SearchUnavailableException e, UriInfo uri) {
        LOG.warnf("the search index is unavailable on %s: %s", uri.getPath(), e.getCause().getMessage());
        return Problem.of(Status.SERVICE_UNAVAILABLE, "search-unavailable", "Search unavailable",
                        "the search index cannot be read just now; try again shortly")
                .withContext(Map.of(Problem.RETRY_AFTER_SECONDS, RETRY_AFTER_SECONDS))
                .withInstance(uri.getPath()).toResponse();
    }
}
