package io.techbridge.gateway.audit;

import io.vertx.core.http.HttpMethod;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The security-relevant operations the audit trail records: logins, account and organisation
 * changes, API keys issued and revoked, bulk imports, reindexing and dead-letter replays, merges, broker decisions, the introductions that disclose
 * contacts, and challenge decisions. Reads and ordinary listing edits are not recorded.
 */
public final class AuditedOperations {

    /** An audited operation: its action name and the path it answers, whose group 1 (if any) is the target. */
    record Operation(String action, HttpMethod method, Pattern path) {
    }

    /** An audited request: the action, and the record it acts on when the path names one. */
    public record Match(String action, String target) {
    }

    private static final String ID = "([^/]+)";

    private static final List<Operation> OPERATIONS = List.of(
            op("LOGIN", HttpMethod.POST, "/api/auth/login"),
            op("ORGANISATION_CREATE", HttpMethod.POST, "/api/admin/organisations"),
            op("USER_CREATE", HttpMethod.POST, "/api/admin/users"),
            op("USER_UPDATE", HttpMethod.PATCH, "/api/admin/users/" + ID),
            op("API_KEY_ISSUE", HttpMethod.POST, "/api/admin/api-keys"),
            op("API_KEY_REVOKE", HttpMethod.POST, "/api/admin/api-keys/" + ID + "/revoke"),
            op("REINDEX", HttpMethod.POST, "/api/admin/reindex"),
            // A replay publishes a set-aside message on its topic again; the target is <dlq topic>/<partition>/<offset>.
            op("DEAD_LETTER_REPLAY", HttpMethod.POST, "/api/admin/dead-letters/([^/]+/[^/]+/[^/]+)/replay"),
            op("DEAD_LETTER_REPLAY_ALL", HttpMethod.POST, "/api/admin/dead-letters/" + ID + "/replay"),
            // A subscription sends the organisation's events to a URL of its choosing.
            op("WEBHOOK_CREATE", HttpMethod.POST, "/api/webhooks"),
            op("WEBHOOK_DELETE", HttpMethod.DELETE, "/api/webhooks/" + ID),
            op("ACHIEVEMENT_IMPORT", HttpMethod.POST, "/api/achievements/imports"),
            op("DEMAND_IMPORT", HttpMethod.POST, "/api/demands/imports"),
            op("ACHIEVEMENT_MERGE", HttpMethod.POST, "/api/achievements/" + ID + "/merge"),
            op("DEMAND_MERGE", HttpMethod.POST, "/api/demands/" + ID + "/merge"),
            op("MATCH_DECISION", HttpMethod.POST, "/api/matches/" + ID + "/decision"),
            op("INTRODUCTION_ANSWER", HttpMethod.POST, "/api/matches/" + ID + "/introduction"),
            op("MATCH_TRANSITION", HttpMethod.POST, "/api/matches/" + ID + "/transition"),
            op("CHALLENGE_AWARD", HttpMethod.POST, "/api/demands/" + ID + "/award"),
            op("APPLICATION_SHORTLIST", HttpMethod.POST, "/api/demands/([^/]+/applications/[^/]+)/shortlist"),
            op("APPLICATION_SCORE", HttpMethod.POST, "/api/demands/([^/]+/applications/[^/]+)/scores"));

    /** Every action name, in the order above (for the console's filter). */
    public static final List<String> ACTIONS = OPERATIONS.stream().map(Operation::action).toList();

    private AuditedOperations() {
    }

    private static Operation op(String action, HttpMethod method, String path) {
        return new Operation(action, method, Pattern.compile(path + "/?"));
    }

    public static Optional<Match> match(HttpMethod method, String path) {
        for (Operation operation : OPERATIONS) {
            if (operation.method().equals(method)) {
                Matcher matcher = operation.path().matcher(path);
                if (matcher.matches()) {
                    return Optional.of(new Match(operation.action(), matcher.groupCount() > 0 ? matcher.group(1) : null));
                }
            }
        }
        return Optional.empty();
    }
}
