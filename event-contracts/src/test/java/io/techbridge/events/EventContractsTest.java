package io.techbridge.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contracts themselves: what a producer writes is what a consumer reads, and no contact can be written at all. */
class EventContractsTest {

    /** As the services' outbox writes (Quarkus' ObjectMapper: ISO dates, not numbers). */
    private final ObjectMapper producer = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** A consumer that refuses anything the contract does not name, to prove there is nothing more. */
    private final ObjectMapper strictConsumer = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Pattern CONTACT = Pattern.compile("contact|phone|mobile|email|e_?mail|tel|wechat|address");
    private static final Instant AT = Instant.parse("2026-11-30T02:15:00.123456Z");

    @Test
    void everyEventTypeRoundTripsFromTheProducersRecordToTheConsumersReading() throws Exception {
        for (EventPayload payload : List.of(achievement(), demand(), application(), match(), invitation(),
                importJob())) {
            EventPayloads.Contract contract = EventPayloads.ALL.stream()
                    .filter(c -> c.payload().equals(payload.getClass())).findFirst().orElseThrow();
            for (String type : contract.types()) {
                EventEnvelope written = new EventEnvelope(UUID.randomUUID(), type, contract.aggregateType(), "id-1", 3,
                        AT, EventEnvelope.SCHEMA_VERSION, producer.valueToTree(payload));
                String wire = producer.writeValueAsString(written);

                EventEnvelope read = strictConsumer.readValue(wire, EventEnvelope.class);
                assertEquals(wire, producer.writeValueAsString(read), type);
                assertEquals(contract, EventPayloads.of(read.aggregateType()).orElseThrow(), type);
                assertEquals(payload, strictConsumer.treeToValue(read.payload(), contract.payload()), type);
            }
        }
    }

    @Test
    void aConsumerReadsAPayloadWithMembersAddedLaterInTheSameVersion() throws Exception {
        JsonNode newer = producer.valueToTree(achievement());
        ((com.fasterxml.jackson.databind.node.ObjectNode) newer).put("licensingTerms", "非独占许可");
        assertEquals(achievement(), new ObjectMapper().registerModule(new JavaTimeModule())
                .treeToValue(newer, AchievementPayload.class));
    }

    @Test
    void noPayloadHasAMemberForContactDetailsAtAnyDepth() {
        for (EventPayloads.Contract contract : EventPayloads.ALL) {
            List<String> offending = new ArrayList<>();
            members(contract.payload(), contract.aggregateType(), offending, new HashSet<>());
            assertTrue(offending.isEmpty(), contract.aggregateType() + " carries " + offending);
        }
    }

    @Test
    void eventTypesAreUniqueAcrossAggregates() {
        Set<String> seen = new HashSet<>();
        for (EventPayloads.Contract contract : EventPayloads.ALL) {
            for (String type : contract.types()) {
                assertTrue(seen.add(type), type + " is declared twice");
            }
        }
    }

    @Test
    void aConsumerReadsEveryVersionUpToItsOwnAndNoNewer() {
        assertTrue(EventEnvelope.readable(1), "version 1 events (with the contact) are still read, ignoring it");
        assertTrue(EventEnvelope.readable(EventEnvelope.SCHEMA_VERSION));
        assertFalse(EventEnvelope.readable(EventEnvelope.SCHEMA_VERSION + 1));
        assertFalse(EventEnvelope.readable(0));
        assertTrue(EventEnvelope.unreadableReason(EventEnvelope.SCHEMA_VERSION + 1).contains("upgrade"));
    }

    private static void members(Class<?> type, String path, List<String> offending, Set<Class<?>> seen) {
        if (!type.isRecord() || !seen.add(type)) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String name = component.getName();
            if (CONTACT.matcher(name.toLowerCase(Locale.ROOT)).find()) {
                offending.add(path + "." + name);
            }
            members(component.getType(), path + "." + name, offending, seen);
            Type generic = component.getGenericType();
            if (generic instanceof ParameterizedType p) {
                for (Type argument : p.getActualTypeArguments()) {
                    if (argument instanceof Class<?> c) {
                        members(c, path + "." + name + "[]", offending, seen);
                    }
                }
            }
        }
    }

    static AchievementPayload achievement() {
        return new AchievementPayload("a-1", 3, "org-zju", "浙江大学", "石墨烯散热膜", "高导热石墨烯膜的连续制备。",
                List.of("石墨烯", "散热"), "04.02", 6, "PILOT", List.of("INVENTION_PATENT"), List.of("ZL202310000001.X"),
                List.of("LICENSE"), new AmountRange(500000L, 2000000L, true), true, "导热系数1500 W/mK", "330100",
                List.of("张三"), "PUBLISHED", null, null, AT, AT);
    }

    static DemandPayload demand() {
        return new DemandPayload("d-1", 2, "org-huarui", "华瑞制药", "原料药连续结晶", "需要连续结晶工艺。", "收率≥95%", "07.01",
                List.of("连续结晶"), new AmountRange(null, 3000000L, false), LocalDate.of(2027, 6, 30), "130100",
                List.of("LICENSE", "JOINT_DEVELOPMENT"), 5, "BROKERS_ONLY",
                new DemandPayload.Challenge("一年内中试", "收率≥95%", 2000000L, LocalDate.of(2027, 1, 31),
                        LocalDate.of(2027, 2, 28), "JUDGING", 3,
                        List.of(new DemandPayload.Winner("app-1", "org-zju", "浙江大学")), AT, "huarui", "ENTERPRISE"),
                "OPEN", null, null, AT, AT);
    }

    static ChallengeApplicationPayload application() {
        return new ChallengeApplicationPayload("app-1", 4, "d-1", "org-zju", "浙江大学", "膜分离耦合结晶", "课题组8人", 4, 7,
                List.of(new ChallengeApplicationPayload.Milestone("中试", LocalDate.of(2027, 5, 1))), 1500000L,
                List.of("a-1"), "SUBMITTED",
                List.of(new ChallengeApplicationPayload.ScoreSheet("broker", "BROKER_AGENCY", "org-brokers",
                        List.of(new ChallengeApplicationPayload.IndicatorScore("技术先进性", 85, "可行")), "好",
                        new BigDecimal("85.5"), AT)),
                new BigDecimal("85.5"), true, null, AT, AT);
    }

    static MatchPayload match() {
        return new MatchPayload("m-1", 5, "d-1", "a-1", "org-huarui", "org-zju", "07.01", "130100", 0.72, "INTRODUCED",
                null, "双方已联系", new MatchPayload.Contract(1200000L, "2026330100000123"), true, AT, AT, AT,
                List.of(new MatchPayload.Transition("PROPOSED", "APPROVED", "broker", null, null, null, AT)));
    }

    static InvitationPayload invitation() {
        return new InvitationPayload("inv-1", "d-1", "org-huarui", "org-zju", "浙江大学", "a-1", "石墨烯散热膜", 0.81,
                List.of("石墨烯"), LocalDate.of(2027, 1, 31), 2000000L, AT);
    }

    static ImportJobPayload importJob() {
        return new ImportJobPayload("job-1", 1, "ACHIEVEMENT", "org-zju", "org-zju", "科技成果登记表.xlsx", "XLSX", "DONE",
                120, 117, 3, false, null, AT, AT, AT);
    }
}
