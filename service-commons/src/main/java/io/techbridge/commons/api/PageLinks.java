package io.techbridge.commons.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 8288 {@code Link} header of every page of a list ({@link Paged}): {@code rel="next"} when
 * more follow, by cursor when the request asked by cursor or by no page number at all (a machine's
 * walk), else by page number, with {@code rel="prev"} too; {@code rel="first"} always. The targets
 * are absolute paths with the request's other query parameters as sent, so they are right as the
 * client sees them through the gateway, which forwards paths unchanged.
 */
public class PageLinks {

    public static final String HEADER = "Link";
    public static final String DESCRIPTION = "RFC 8288 links to the pages around this one, as absolute paths keeping "
            + "the other query parameters: rel=\"next\" when more follow (by cursor unless the request gave page, "
            + "else page+1), rel=\"prev\" when paging by number and not on the first page, rel=\"first\"";

    @ServerResponseFilter
    public void link(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 200 && response.getEntity() instanceof Paged page) {
            String links = links(request.getUriInfo().getRequestUri(), page);
            if (!links.isEmpty()) {
                response.getHeaders().putSingle(HEADER, links);
            }
        }
    }

    /** The header's value for a page answering {@code request}. */
    static String links(URI request, Paged page) {
        String path = request.getRawPath();
        List<String> kept = new ArrayList<>();
        boolean byNumber = false;
        boolean byCursor = false;
        if (request.getRawQuery() != null) {
            for (String parameter : request.getRawQuery().split("&")) {
                String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
                String value = parameter.substring(name.length()).replaceFirst("^=", "");
                if (name.equals("page")) {
                    byNumber |= !value.isBlank();
                } else if (name.equals(Cursor.PARAMETER)) {
                    byCursor |= !value.isBlank();
                } else if (!parameter.isEmpty()) {
                    kept.add(parameter);
                }
            }
        }
        List<String> links = new ArrayList<>();
        if (!byNumber && page.nextCursor() != null) {
            links.add(link(path, kept, Cursor.PARAMETER + "=" + page.nextCursor(), "next"));
        } else if (!byCursor && page.page() != null) {
            int number = page.page();
            if (number + 1 < page.totalPages()) {
                links.add(link(path, kept, "page=" + (number + 1), "next"));
            }
            if (number > 0) {
                links.add(link(path, kept, "page=" + Math.min(number - 1, Math.max(page.totalPages() - 1, 0)), "prev"));
            }
        }
        links.add(link(path, kept, byNumber ? "page=0" : null, "first"));
        return String.join(", ", links);
    }

    private static String link(String path, List<String> kept, String position, String rel) {
        List<String> parameters = new ArrayList<>(kept);
        if (position != null) {
            parameters.add(position);
        }
        String query = String.join("&", parameters);
        return "<" + path + (query.isEmpty() ? "" : "?" + query) + ">; rel=\"" + rel + "\"";
    }
}
