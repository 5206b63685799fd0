package io.techbridge.deploy.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Holds every answer a service's tests receive to what its OpenAPI document promises: for each
 * {@code /api} request that matches a described operation, the status must be one the operation
 * describes, and a JSON body must be of a media type described for that status. So the
 * description cannot drift from the wire while the API tests pass. 5xx answers are left to the
 * tests that provoke them (an outage is not part of an operation's contract).
 */
public final class DescribedAnswers implements Filter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, List<Operation>> DOCUMENTS = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private record Operation(String method, String template, Pattern path, JsonNode responses) {
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        if (!uri.getPath().startsWith("/api/") || response.statusCode() >= 500) {
            return response;
        }
        String base = uri.getScheme() + "://" + uri.getAuthority();
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        Optional<Operation> operation = DOCUMENTS.computeIfAbsent(base, DescribedAnswers::load).stream()
                .filter(o -> o.method().equals(method) && o.path().matcher(uri.getPath()).matches())
                .min(Comparator.comparingLong(o -> o.template().chars().filter(c -> c == '{').count()));
        if (operation.isEmpty()) {
            // Not an operation of this application: an unknown path, or one the gateway forwards to a service.
            return response;
        }
        JsonNode responses = operation.get().responses();
        String status = Integer.toString(response.statusCode());
        JsonNode described = responses.has(status) ? responses.get(status) : responses.get("default");
        if (described == null) {
            List<String> statuses = new ArrayList<>();
            responses.fieldNames().forEachRemaining(statuses::add);
            throw new AssertionError(method + " " + operation.get().template() + " answered " + status
                    + " but its description promises only " + statuses + ": " + response.asString());
        }
        String contentType = response.contentType();
        if (contentType != null && contentType.contains("json") && response.asByteArray().length > 0) {
            String mediaType = contentType.split(";")[0].trim();
            if (!described.path("content").has(mediaType)) {
                List<String> types = new ArrayList<>();
                described.path("content").fieldNames().forEachRemaining(types::add);
                throw new AssertionError(method + " " + operation.get().template() + " answered " + status + " as "
                        + mediaType + " but its description says " + types);
            }
        }
        return response;
    }

    private static List<Operation> load(String base) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json"))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            JsonNode document = JSON.readTree(answer.body());
            List<Operation> operations = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                Pattern pattern = Pattern.compile(path.getKey().replaceAll("\\{[^}]+}", "[^/]+"));
                path.getValue().fields().forEachRemaining(op -> operations.add(new Operation(
                        op.getKey().toUpperCase(Locale.ROOT), path.getKey(), pattern, op.getValue().path("responses"))));
            }
            return operations;
        } catch (Exception e) {
            throw new IllegalStateException("the OpenAPI document of " + base + " cannot be read", e);
        }
    }
}
