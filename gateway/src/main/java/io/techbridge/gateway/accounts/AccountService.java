package io.techbridge.gateway.accounts;

import io.techbridge.commons.problem.Problem;
import io.techbridge.commons.problem.ProblemException;
import io.techbridge.commons.problem.Problems;
import io.techbridge.gateway.api.OrganisationRequest;
import io.techbridge.gateway.api.UserCreateRequest;
import io.techbridge.gateway.api.UserUpdateRequest;
import io.techbridge.gateway.config.GatewayConfig;
import io.techbridge.gateway.persistence.AuthSession;
import io.techbridge.gateway.persistence.AuthSessionRepository;
import io.techbridge.gateway.persistence.Organisation;
import io.techbridge.gateway.persistence.OrganisationRepository;
import io.techbridge.gateway.persistence.UserAccount;
import io.techbridge.gateway.persistence.UserAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Organisations and their accounts, as the operator manages them. */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);

    public static final String OPERATOR_ORGANISATION = "org-operator";
    public static final String OPERATOR_NAME = "市科技成果转化中心";
    public static final String BOOTSTRAP_ADMIN = "admin";

    private final OrganisationRepository organisations;
    private final UserAccountRepository users;
    private final PasswordHasher hasher;
    private final GatewayConfig config;
    private final AuthSessionRepository sessions;
    private final Event<CredentialsChanged> credentialsChangedEvent;

    public AccountService(OrganisationRepository organisations, UserAccountRepository users, PasswordHasher hasher,
            GatewayConfig config, AuthSessionRepository sessions, Event<CredentialsChanged> credentialsChangedEvent) {
        this.organisations = organisations;
        this.users = users;
        this.hasher = hasher;
        this.config = config;
        this.sessions = sessions;
        this.credentialsChangedEvent = credentialsChangedEvent;
    }

    @Transactional
    public List<Organisation> organisations() {
        return organisations.listByName();
    }

    @Transactional
    public Organisation organisation(String id) {
        return organisations.findByIdOptional(id).orElseThrow(() -> Problems.notFound("organisation", id));
    }

    /** The type of the organisation, if there is one of this id. */
    @Transactional
    public Optional<OrganisationType> organisationType(String id) {
        return organisations.findByIdOptional(id).map(o -> o.type);
    }

    @Transactional
    public Organisation createOrganisation(OrganisationRequest request) {
        String id = request.id() != null ? request.id() : deriveId(request.name());
        if (organisations.findByIdOptional(id).isPresent()) {
            throw duplicate("id", "organisation " + id + " already exists");
        }
        Organisation organisation = new Organisation();
        organisation.id = id;
        organisation.name = request.name().strip();
        organisation.type = request.type();
        organisation.regionCode = request.regionCode();
        organisation.createdAt = Instant.now();
        try {
            organisations.persistAndFlush(organisation);
        } catch (PersistenceException raced) {
            // Created concurrently between the check and the insert: the primary key tells.
            throw duplicate("id", "organisation " + id + " already exists");
        }
        return organisation;
    }

    @Transactional
    public List<UserAccount> users(String organisationId) {
        return users.list(organisationId);
    }

    @Transactional
    public UserAccount user(UUID id) {
        return users.findByIdOptional(id).orElseThrow(() -> Problems.notFound("user", id));
    }

    @Transactional
    public UserAccount createUser(UserCreateRequest request) {
        checkPassword(request.password());
        Organisation organisation = organisations.findByIdOptional(request.organisationId())
                .orElseThrow(() -> Problems.invalidField("organisationId", "exists",
                        "organisation " + request.organisationId() + " does not exist"));
        if (users.usernameTaken(request.username())) {
            throw duplicate("username", "the login name " + request.username() + " is taken");
        }
        UserAccount user = new UserAccount();
        user.id = UUID.randomUUID();
        user.username = request.username();
        user.displayName = request.displayName().strip();
        user.passwordHash = hasher.hash(request.password().toCharArray());
        user.organisation = organisation;
        user.enabled = request.enabled() == null || request.enabled();
        user.createdAt = Instant.now();
        try {
            users.persistAndFlush(user);
        } catch (PersistenceException raced) {
            // Taken concurrently between the check and the insert: the unique index on lower(username) tells.
            throw duplicate("username", "the login name " + request.username() + " is taken");
        }
        return user;
    }

    /**
     * Changes an account. Disabling it or giving it a new password ends its sessions (no refresh
     * token of it works any more) and revokes its access tokens issued so far.
     */
    @Transactional
    public UserAccount updateUser(UUID id, UserUpdateRequest request) {
        UserAccount user = user(id);
        boolean credentialsChanged = false;
        if (request.password() != null) {
            checkPassword(request.password());
            user.passwordHash = hasher.hash(request.password().toCharArray());
            credentialsChanged = true;
        }
        if (request.displayName() != null) {
            user.displayName = request.displayName().strip();
        }
        if (request.enabled() != null) {
            credentialsChanged |= user.enabled && !request.enabled();
            user.enabled = request.enabled();
        }
        if (credentialsChanged) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            user.credentialsVersion++;
            user.credentialsChangedAt = now;
            int ended = sessions.endAll(user.id, AuthSession.EndReason.CREDENTIALS_CHANGED, now);
            LOG.infof("account %s %s: %d sessions ended, its access tokens revoked", user.username,
                    user.enabled ? "given a new password" : "disabled", ended);
            credentialsChangedEvent.fire(new CredentialsChanged(user.id, user.credentialsVersion, now));
        }
        return user;
    }

    /**
     * The operator organisation and its {@code admin}, unless an admin account exists already.
     * Gateways starting together on one database take turns (a transaction-scoped advisory lock):
     * the later one finds the admin the first made instead of failing on the organisation it made.
     */
    @Transactional
    public boolean bootstrapAdmin(String password) {
        organisations.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, BOOTSTRAP_LOCK).getSingleResult();
        if (users.anyOfType(OrganisationType.OPERATOR)) {
            return false;
        }
        checkPassword(password);
        if (organisations.findByIdOptional(OPERATOR_ORGANISATION).isEmpty()) {
            createOrganisation(new OrganisationRequest(OPERATOR_ORGANISATION, OPERATOR_NAME, OrganisationType.OPERATOR, null));
        }
        createUser(new UserCreateRequest(BOOTSTRAP_ADMIN, "平台管理员", password, OPERATOR_ORGANISATION, true));
        return true;
    }

    /** The advisory lock key of the admin bootstrap ("TBADMIN1" as a number). */
    private static final long BOOTSTRAP_LOCK = 0x544241444d494e31L;

    private void checkPassword(String password) {
        int min = config.password().minLength();
        if (password == null || password.codePointCount(0, password.length()) < min) {
            throw Problems.invalidField("password", "min-length", "must have at least " + min + " characters");
        }
    }

    /** "org-" and the name's ASCII words; a name without any (e.g. Chinese only) gets a random suffix. */
    private String deriveId(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        String base = "org-" + (slug.isEmpty() ? HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) : slug);
        String id = base;
        for (int n = 2; organisations.findByIdOptional(id).isPresent(); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static ProblemException duplicate(String field, String detail) {
        return new ProblemException(Problem.of(Status.CONFLICT, "duplicate", "Already exists", detail)
                .withViolations(List.of(new Problem.Violation(field, "body", "unique", detail)))
                .withContext(Map.of("field", field)));
    }
}
