package io.techbridge.matching.notification;

import io.techbridge.commons.domain.RegionCode;
import io.techbridge.commons.domain.TechnicalField;
import io.techbridge.commons.problem.Problem;
import io.techbridge.commons.problem.ProblemException;
import io.techbridge.commons.problem.Problems;
import io.techbridge.commons.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user's saved searches: an enterprise's over the achievements, a university's over the demands,
 * with the words and filters of {@code GET /api/search}. Only the owner sees or deletes one (anyone
 * else gets 404, as if it did not exist). {@link SavedSearchCheck} tells the owner of new hits.
 */
@RequestScoped
public class SavedSearchService {

    static final int MAX_NAME = 100;
    static final int MAX_QUERY = 200;

    private final SavedSearchStore store;
    private final NotificationService users;
    private final NotificationConfig config;

    public SavedSearchService(SavedSearchStore store, NotificationService users, NotificationConfig config) {
        this.store = store;
        this.users = users;
        this.config = config;
    }

    /** The side a role looks for: an enterprise achievements, a university demands. */
    static String sideOf(Role role) {
        return role == Role.ENTERPRISE ? "achievement" : "demand";
    }

    @Transactional
    public SavedSearchStore.SavedSearch create(String name, String query, String type, String field, String region,
            Integer minTrl) {
        NotificationService.User user = users.user();
        String side = sideOf(user.role());
        if (type != null && !type.isBlank() && !side.equals(type.strip())) {
            throw Problems.invalidField("type", "OneOf", "a " + user.role().claim() + " saves searches over "
                    + side + "s only; send \"" + side + "\" or leave it out");
        }
        String words = blankToNull(query);
        if (words != null && words.length() > MAX_QUERY) {
            throw Problems.invalidField("query", "Size", "must be at most " + MAX_QUERY + " characters");
        }
        String fieldCode = blankToNull(field);
        if (fieldCode != null && !TechnicalField.exists(fieldCode)) {
            throw Problems.invalidField("field", "FieldCode", "must be a technical-field code such as 04 or 04.03");
        }
        String regionCode = blankToNull(region);
        if (regionCode != null && !new RegionCode.Validator().isValid(regionCode, null)) {
            throw Problems.invalidField("region", "RegionCode", "must be a six-digit GB/T 2260 region code such as 330100");
        }
        if (minTrl != null && (minTrl < 1 || minTrl > 9)) {
            throw Problems.invalidField("minTrl", "Range", "must be a whole number from 1 to 9");
        }
        String title = blankToNull(name);
        if (title == null) {
            title = words != null ? words : "achievement".equals(side) ? "全部新成果" : "全部新需求";
        }
        if (title.length() > MAX_NAME) {
            throw Problems.invalidField("name", "Size", "must be at most " + MAX_NAME + " characters");
        }
        if (store.countOfUser(user.id()) >= config.savedSearches().maxPerUser()) {
            throw new ProblemException(Problem.of(Response.Status.CONFLICT, "limit-reached", "Too many saved searches",
                    "a user keeps at most " + config.savedSearches().maxPerUser() + " saved searches; delete one first"));
        }
        Instant now = Instant.now();
        SavedSearchStore.SavedSearch search = new SavedSearchStore.SavedSearch(UUID.randomUUID(), user.id(),
                user.organisationId(), title, words, side, fieldCode, regionCode, minTrl, now, now);
        store.add(search);
        return search;
    }

    @Transactional
    public List<SavedSearchStore.SavedSearch> mine() {
        return store.ofUser(users.user().id());
    }

    @Transactional
    public void delete(UUID id) {
        if (!store.delete(id, users.user().id())) {
            throw Problems.notFound("saved search", id);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
