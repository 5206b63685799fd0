package io.techbridge.deploy.local.testing;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * A machine's walk through a list by cursor, as the services' tests make it: from a first page,
 * follow each answer's {@code Link rel="next"} exactly as sent until there is none, and the checks
 * of the cursor parameter every list that gives cursors must pass. For the lists of every service.
 */
public final class CursorWalk {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"([^\"]+)\"");
    private static final int MAX_PAGES = 1_000;

    private CursorWalk() {
    }

    /**
     * The ids ({@code items.id}) of every page from {@code firstPage} (an absolute path with its
     * query) to the last, in the order the pages gave them. Each page's {@code Link rel="next"}
     * must name its {@code nextCursor}; {@code betweenPages} runs after each page but the last.
     */
    public static List<String> walk(Supplier<RequestSpecification> caller, String firstPage, Runnable betweenPages) {
        List<String> ids = new ArrayList<>();
        String next = firstPage;
        for (int pages = 0; next != null; pages++) {
            assertThat("pages walked", pages, lessThanOrEqualTo(MAX_PAGES));
            Response page = caller.get().urlEncodingEnabled(false).when().get(next);
            page.then().statusCode(200);
            ids.addAll(page.path("items.id"));
            assertThat(link(page, "first"), startsWith(firstPage.replaceFirst("\\?.*", "")));
            next = link(page, "next");
            String cursor = page.path("nextCursor");
            if (next == null) {
                assertThat("the last page gives no cursor", cursor, nullValue());
            } else {
                assertThat(next, startsWith("/"));
                assertThat(next, containsString("cursor=" + cursor));
                betweenPages.run();
            }
        }
        return ids;
    }

    /** The target of the answer's {@code Link} with relation {@code rel}, or null. */
    public static String link(Response response, String rel) {
        String header = response.header("Link");
        if (header == null) {
            return null;
        }
        Matcher link = LINK.matcher(header);
        while (link.find()) {
            if (link.group(2).equals(rel)) {
                return link.group(1);
            }
        }
        return null;
    }

    /**
     * What every list with cursors refuses with a 400 problem naming {@code cursor}: its first
     * page's cursor edited, cut short or sent with {@code page}, and text that is no cursor at all.
     */
    public static void refusesBadCursors(Supplier<RequestSpecification> caller, String path, String firstPageQuery) {
        Response first = caller.get().urlEncodingEnabled(false).when().get(path + "?" + firstPageQuery);
        first.then().statusCode(200);
        String cursor = first.path("nextCursor");
        assertThat("the first page gives a cursor", cursor, not(nullValue()));
        int dot = cursor.indexOf('.');
        String edited = cursor.substring(0, dot - 1) + (cursor.charAt(dot - 1) == 'A' ? 'B' : 'A') + cursor.substring(dot);
        for (String bad : List.of(edited, cursor.substring(0, cursor.length() - 2), "bm90LWEtY3Vyc29y", "%25%25..")) {
            refusedNamingCursor(caller.get().urlEncodingEnabled(false).when()
                    .get(path + "?" + firstPageQuery + "&cursor=" + bad), "Cursor");
        }
        refusedNamingCursor(caller.get().urlEncodingEnabled(false).when()
                .get(path + "?" + firstPageQuery + "&page=1&cursor=" + cursor), "Exclusive");
    }

    private static void refusedNamingCursor(Response answer, String rule) {
        answer.then().statusCode(400).contentType(startsWith("application/problem+json"));
        assertThat(answer.path("violations.field"), hasItem(equalTo("cursor")));
        assertThat(answer.path("violations.rule"), hasItem(equalTo(rule)));
    }
}
