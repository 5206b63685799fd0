package io.techbridge.listing.testing;

import io.restassured.response.Response;
import io.techbridge.deploy.local.testing.CursorWalk;

import java.util.List;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The paging checks of a listing ({@code /api/achievements}, {@code /api/demands}), the same for
 * both services: {@code register} adds a record of the organisation it is given, visible to anyone.
 */
public final class ListingWalks {

    private static final int RECORDS = 7;
    private static final int SIZE = 2;

    private ListingWalks() {
    }

    /**
     * A walk by cursor, following each Link rel="next" as sent, gives every record that was there
     * when it began exactly once, in the listing's order (newest change first), although records
     * are registered between its pages (they are newer, so they come before where the walk is).
     */
    public static void cursorWalkGivesEveryRecordOnceWhileMoreAreAdded(String path, Consumer<String> register) {
        String organisation = Caller.newOrganisation();
        for (int i = 0; i < RECORDS; i++) {
            register.accept(organisation);
        }
        List<String> listed = given().queryParam("organisationId", organisation).queryParam("size", 100)
                .when().get(path).then().statusCode(200).extract().path("items.id");
        assertEquals(RECORDS, listed.size());
        List<String> walked = CursorWalk.walk(() -> given(), path + "?organisationId=" + organisation + "&size=" + SIZE,
                () -> register.accept(organisation));
        assertEquals(listed, walked);
        List<String> now = given().queryParam("organisationId", organisation).queryParam("size", 100)
                .when().get(path).then().statusCode(200).extract().path("items.id");
        int added = now.size() - RECORDS;
        assertEquals(RECORDS / SIZE, added, "a record was registered between each two pages");
        assertEquals(listed, now.subList(added, now.size()), "the new ones come first");
    }

    /** Pages by number link by number: next, prev and first keep the other parameters, and next gives the next page. */
    public static void numberedPagesLinkByNumber(String path, Consumer<String> register) {
        String organisation = Caller.newOrganisation();
        for (int i = 0; i < 5; i++) {
            register.accept(organisation);
        }
        String query = path + "?organisationId=" + organisation + "&size=" + SIZE;
        Response second = given().when().get(query + "&page=1");
        second.then().statusCode(200);
        assertEquals(query + "&page=2", CursorWalk.link(second, "next"));
        assertEquals(query + "&page=0", CursorWalk.link(second, "prev"));
        assertEquals(query + "&page=0", CursorWalk.link(second, "first"));
        List<String> third = given().urlEncodingEnabled(false).when().get(CursorWalk.link(second, "next"))
                .then().statusCode(200).extract().path("items.id");
        assertEquals(given().when().get(query + "&page=2").then().extract().path("items.id"), third);
        assertEquals(1, third.size());
    }

    /** An edited, cut or made-up cursor, or one sent with page, is a 400 problem naming cursor. */
    public static void badCursorsAreRefusedNamingCursor(String path, Consumer<String> register) {
        String organisation = Caller.newOrganisation();
        register.accept(organisation);
        register.accept(organisation);
        CursorWalk.refusesBadCursors(() -> given(), path, "organisationId=" + organisation + "&size=1");
    }
}
