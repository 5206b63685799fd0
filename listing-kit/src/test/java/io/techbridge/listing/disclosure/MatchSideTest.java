package io.techbridge.listing.disclosure;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatchSideTest {

    private static final UUID DEMAND = UUID.fromString("0d0d0d0d-0000-4000-8000-000000000001");
    private static final UUID ACHIEVEMENT = UUID.fromString("0a0a0a0a-0000-4000-8000-000000000002");
    private final ObjectMapper mapper = new ObjectMapper();

    private String envelope(String aggregateType, String payload) {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"MatchAccepted\",\"aggregateType\":\""
                + aggregateType + "\",\"aggregateId\":\"m-1\",\"aggregateVersion\":3,\"schemaVersion\":1,"
                + "\"newMember\":true,\"payload\":" + payload + "}";
    }

    private String pair(boolean disclosed) {
        return "{\"demandId\":\"" + DEMAND + "\",\"achievementId\":\"" + ACHIEVEMENT + "\",\"demandOrganisationId\":"
                + "\"org-enterprise\",\"achievementOrganisationId\":\"org-university\",\"status\":\"ACCEPTED\","
                + "\"disclosed\":" + disclosed + "}";
    }

    @Test
    void eachSideIsDisclosedToTheOtherSidesOrganisation() {
        MatchDisclosure match = MatchDisclosure.parse(mapper, envelope("Match", pair(true)));
        assertTrue(match.disclosed());
        assertEquals(ACHIEVEMENT, MatchSide.ACHIEVEMENT.listingOf(match));
        assertEquals("org-enterprise", MatchSide.ACHIEVEMENT.disclosedTo(match));
        assertEquals(DEMAND, MatchSide.DEMAND.listingOf(match));
        assertEquals("org-university", MatchSide.DEMAND.disclosedTo(match));
    }

    @Test
    void aPairNotDisclosedNeedsNoOrganisations() {
        MatchDisclosure match = MatchDisclosure.parse(mapper, envelope("Match",
                "{\"demandId\":\"" + DEMAND + "\",\"achievementId\":\"" + ACHIEVEMENT + "\"}"));
        assertFalse(match.disclosed());
        assertNull(match.demandOrganisationId());
    }

    @Test
    void unreadableMessagesAreToldApart() {
        assertThrows(MatchDisclosure.Unreadable.class, () -> MatchDisclosure.parse(mapper, ""));
        assertThrows(MatchDisclosure.Unreadable.class, () -> MatchDisclosure.parse(mapper, "not json"));
        assertThrows(MatchDisclosure.Unreadable.class, () -> MatchDisclosure.parse(mapper, envelope("Demand", pair(true))));
        assertThrows(MatchDisclosure.Unreadable.class, () -> MatchDisclosure.parse(mapper, envelope("Match",
                pair(true).replace("org-enterprise", "org enterprise; drop"))));
        assertThrows(MatchDisclosure.Unreadable.class, () -> MatchDisclosure.parse(mapper, envelope("Match",
                pair(true).replace(DEMAND.toString(), "not-a-uuid"))));
        assertThrows(MatchDisclosure.Unreadable.class, () -> MatchDisclosure.parse(mapper, envelope("Match",
                pair(true).replace("\"disclosed\":true", "\"disclosed\":\"yes\""))));
    }
}
