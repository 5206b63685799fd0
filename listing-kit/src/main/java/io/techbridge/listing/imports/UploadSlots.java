package io.techbridge.listing.imports;

import io.techbridge.commons.problem.Problem;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * At most {@code techbridge.import.max-concurrent-uploads} spreadsheet uploads ({@link ImportUpload}
 * methods) are received and read at once. A file in reading takes several times its size in memory,
 * so a few at the size limit together would exhaust the heap: those beyond the limit get 503 with
 * Retry-After before their body is read. A slot is held from here until the answer is sent or the
 * connection is lost. Runs after the role checks, so only a caller who may upload is told to retry.
 */
@ApplicationScoped
public class UploadSlots {

    static final long RETRY_AFTER_SECONDS = 10;

    private final Semaphore slots;
    private final int size;

    UploadSlots() {
        this.size = 0;
        this.slots = null;
    }

    @jakarta.inject.Inject
    public UploadSlots(ImportConfig config) {
        this.size = config.maxConcurrentUploads();
        this.slots = new Semaphore(size);
    }

    /** The request filter; it holds the bean's client proxy, so the slots are made at the first request, when the configuration is there. */
    public static class Filter {

        private final UploadSlots slots;

        public Filter(UploadSlots slots) {
            this.slots = slots;
        }

        @ServerRequestFilter(priority = Priorities.USER)
        public Response take(ContainerRequestContext request, ResourceInfo resource, RoutingContext routing) {
            Method method = resource.getResourceMethod();
            if (method == null || !method.isAnnotationPresent(ImportUpload.class)) {
                return null;
            }
            return slots.take(request, routing);
        }
    }

    Response take(ContainerRequestContext request, RoutingContext routing) {
        if (!slots.tryAcquire()) {
            return Problem.of(Status.SERVICE_UNAVAILABLE, "uploads-busy", "Busy with other uploads",
                            size + " files are being received or read; send this one again in " + RETRY_AFTER_SECONDS + " s")
                    .withContext(Map.of(Problem.RETRY_AFTER_SECONDS, RETRY_AFTER_SECONDS))
                    .withInstance(request.getUriInfo().getPath()).toResponse();
        }
        routing.addEndHandler(ended -> slots.release());
        return null;
    }
}
