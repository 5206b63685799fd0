package io.techbridge.deploy.smoke.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * One request the fuzzer sends: where, as whom ({@code caller}, a {@link Callers} name), with what,
 * and what it is meant to try ({@code category}, {@code detail}). {@code records} are the ids of
 * existing records it names, so a refused request can be checked to have changed none of them.
 */
public record FuzzRequest(int index, String target, Operation operation, String url, String caller,
        Map<String, String> headers, byte[] body, String category, String detail, Set<String> records) {

    /** The path part of the URL, without the query. */
    public String path() {
        String withoutScheme = url.substring(url.indexOf("//") + 2);
        String path = withoutScheme.substring(withoutScheme.indexOf('/'));
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** A short, printable account of the request for a failure message. */
    public String describe() {
        String shownBody = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8)
                .replaceAll("\\p{Cntrl}", "·");
        String shownUrl = url.length() > 300 ? url.substring(0, 300) + "…(" + url.length() + " chars)" : url;
        return "#" + index + " " + operation.method() + " " + shownUrl + " as " + caller + " [" + category + ": "
                + detail + "] headers " + headers + (body == null ? "" : " body (" + body.length + " bytes) " + shownBody);
    }
}
