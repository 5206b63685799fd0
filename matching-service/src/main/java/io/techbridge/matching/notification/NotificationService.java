package io.techbridge.matching.notification;

import io.techbridge.commons.api.PageRequest;
import io.techbridge.commons.problem.Problems;
import io.techbridge.commons.security.Caller;
import io.techbridge.commons.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A user's notifications and choices. Universities and enterprises have them (brokers and admins hear
 * of none of these events: a broker made the move itself, and sees every pair in its queue). A user
 * sees its organisation's notifications of the types it chose for the console, and its own saved
 * searches'; it reads up to a watermark of its own; it is known by the token's {@code sub}.
 */
@RequestScoped
public class NotificationService {

    /** The list that gives out cursors: newest first, by id. */
    public static final String CURSORS = "notifications";
    static final int MAX_ADDRESS = 254;
    /** One address: a local part and a domain with a dot, no spaces, no second @ (RFC 5321's common subset). */
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    /** What a user is: its id, organisation and role. */
    public record User(String id, String organisationId, Role role) {
    }

    public record Page(List<NotificationStore.Stored> read, long readUpTo, long total) {
    }

    private final NotificationStore store;
    private final NotificationConfig config;
    private final Caller caller;
    private final JsonWebToken token;

    public NotificationService(NotificationStore store, NotificationConfig config, Caller caller, JsonWebToken token) {
        this.store = store;
        this.config = config;
        this.caller = caller;
        this.token = token;
    }

    /** 401 without a login, 403 for a role that has no notifications or a token without organisation or subject. */
    public User user() {
        Role role = caller.requireRole(Role.UNIVERSITY, Role.ENTERPRISE);
        String organisation = caller.requireOrganisation();
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw Problems.forbidden("the token names no user (sub)");
        }
        return new User(subject, organisation, role);
    }

    @Transactional
    public Page list(PageRequest paging) {
        User user = user();
        List<String> types = consoleTypes(user);
        Long before = paging.byCursor() ? paging.after().whole(0) : null;
        int offset = paging.byCursor() ? 0 : paging.page() * paging.size();
        List<NotificationStore.Stored> read = store.list(user.organisationId(), user.id(), types, before, offset,
                paging.rowsToRead());
        return new Page(read, store.readUpTo(user.id(), user.organisationId()),
                store.count(user.organisationId(), user.id(), types, 0));
    }

    @Transactional
    public long unread() {
        User user = user();
        return store.count(user.organisationId(), user.id(), consoleTypes(user), store.readUpTo(user.id(), user.organisationId()));
    }

    /** Marks the user's notifications read up to an id, or all of them; answers the watermark. */
    @Transactional
    public long markRead(Long upTo, Boolean all) {
        User user = user();
        boolean everything = Boolean.TRUE.equals(all);
        if (!everything && upTo == null) {
            throw Problems.invalidField("upTo", "NotNull", "give the id to mark read up to, or \"all\": true");
        }
        if (everything && upTo != null) {
            throw Problems.invalidField("upTo", "Exclusive", "give either upTo or \"all\": true, not both");
        }
        if (!everything && upTo < 1) {
            throw Problems.invalidField("upTo", "Min", "must be a notification id (1 or more)");
        }
        long newest = store.newest(user.organisationId());
        return store.markRead(user.id(), user.organisationId(), everything ? newest : Math.min(upTo, newest));
    }

    public record Choices(List<String> types, List<String> console, List<String> email, String emailAddress,
            boolean mailEnabled, Instant updatedAt) {
    }

    @Transactional
    public Choices preferences() {
        User user = user();
        List<String> types = types(user);
        return store.preferences(user.id())
                .map(p -> new Choices(types, keep(p.console(), types), keep(p.email(), types), p.address(),
                        config.mail().enabled(), p.updatedAt()))
                .orElseGet(() -> new Choices(types, types, List.of(), null, config.mail().enabled(), null));
    }

    @Transactional
    public Choices savePreferences(List<String> console, List<String> email, String emailAddress) {
        User user = user();
        List<String> types = types(user);
        List<String> consoleTypes = checked("console", console, types);
        List<String> emailTypes = checked("email", email, types);
        String address = emailAddress == null || emailAddress.isBlank() ? null : emailAddress.strip();
        if (address != null && (address.length() > MAX_ADDRESS || !ADDRESS.matcher(address).matches())) {
            throw Problems.invalidField("emailAddress", "Email", "must be one e-mail address such as name@example.cn");
        }
        if (!emailTypes.isEmpty() && address == null) {
            throw Problems.invalidField("emailAddress", "NotBlank", "is needed to get e-mails; give one, or choose no e-mail types");
        }
        store.save(new NotificationStore.Preferences(user.id(), user.organisationId(), consoleTypes, emailTypes, address,
                Instant.now()));
        return preferences();
    }

    /** The types the user sees in the console: those it chose, or all of its role's. */
    List<String> consoleTypes(User user) {
        List<String> types = types(user);
        return store.preferences(user.id()).map(p -> keep(p.console(), types)).orElse(types);
    }

    private static List<String> types(User user) {
        return NotificationType.of(user.role()).stream().map(NotificationType::wireName).toList();
    }

    private static List<String> keep(List<String> chosen, List<String> types) {
        return types.stream().filter(chosen::contains).toList();
    }

    private static List<String> checked(String field, List<String> given, List<String> types) {
        if (given == null) {
            throw Problems.invalidField(field, "NotNull", "must be a list of notification types (empty for none)");
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String type : given) {
            if (type == null || !types.contains(type)) {
                throw Problems.invalidField(field, "OneOf", "'" + type + "' is not a notification type of this role; one of " + types);
            }
            chosen.add(type);
        }
        return new ArrayList<>(chosen);
    }
}
