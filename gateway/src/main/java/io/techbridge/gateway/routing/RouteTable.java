package io.techbridge.gateway.routing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which service answers a path. The first matching rule wins: the rankings of one achievement or
 * demand and the invitations to a challenge belong to matching-service even though they sit under
 * the achievement and demand paths. A path no rule matches ({@code /api/auth}, {@code /api/admin}
 * accounts, {@code /api/regions}) is answered by the gateway's own resources.
 */
public final class RouteTable {

    /** A rule: the paths it matches, the service, and the route name used in metrics. */
    public record Rule(Pattern path, Upstream upstream, String name) {
    }

    private static final List<Rule> RULES = List.of(
            rule("/api/achievements/[^/]+/matches", Upstream.MATCHING, "achievement-matches"),
            rule("/api/demands/[^/]+/matches", Upstream.MATCHING, "demand-matches"),
            rule("/api/demands/[^/]+/invitations", Upstream.MATCHING, "challenge-invitations"),
            rule("/api/invitations", Upstream.MATCHING, "invitations"),
            rule("/api/achievements", Upstream.ACHIEVEMENT, "achievements"),
            rule("/api/fields", Upstream.ACHIEVEMENT, "fields"),
            rule("/api/demands", Upstream.DEMAND, "demands"),
            rule("/api/matches", Upstream.MATCHING, "matches"),
            rule("/api/search", Upstream.MATCHING, "search"),
            rule("/api/stats", Upstream.MATCHING, "stats"),
            rule("/api/admin/reindex", Upstream.MATCHING, "reindex"),
            rule("/api/admin/dead-letters", Upstream.MATCHING, "dead-letters"),
            rule("/api/webhooks", Upstream.MATCHING, "webhooks"),
            rule("/api/notifications", Upstream.MATCHING, "notifications"),
            rule("/api/saved-searches", Upstream.MATCHING, "saved-searches"));

    private RouteTable() {
    }

    /** The path itself and everything below it. */
    private static Rule rule(String prefix, Upstream upstream, String name) {
        return new Rule(Pattern.compile(prefix + "(/.*)?"), upstream, name);
    }

    public static Optional<Rule> route(String path) {
        if (path == null || path.contains("/../") || path.endsWith("/..")) {
            return Optional.empty();
        }
        return RULES.stream().filter(r -> r.path().matcher(path).matches()).findFirst();
    }
}
