package io.techbridge.deploy.smoke.fuzz;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Existing records the requests can name: ids by kind (achievement, demand, challenge, match,
 * organisation, user), the applications of challenges, the caller who owns each achievement,
 * demand and application ({@code university@org-zju}), and which records a change of one may
 * change too (a match and its two sides, a challenge and its applications).
 */
public record Fixtures(Map<String, List<String>> ids, List<Application> applications, Map<String, String> owners,
        Map<String, Set<String>> related) {

    public record Application(String demandId, String applicationId, String organisationId) {
    }

    public List<String> of(String kind) {
        return ids.getOrDefault(kind, List.of());
    }
}
