package io.techbridge.gateway.accounts;

import io.quarkus.runtime.StartupEvent;
import io.techbridge.gateway.config.GatewayConfig;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** A new installation gets its first admin from TECHBRIDGE_BOOTSTRAP_ADMIN_PASSWORD; later starts change nothing. */
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    void onStart(@Observes StartupEvent start, GatewayConfig config, AccountService accounts) {
        config.bootstrapAdminPassword().filter(p -> !p.isBlank()).ifPresent(password -> {
            if (accounts.bootstrapAdmin(password)) {
                LOG.infof("created the operator organisation %s and its user '%s'",
                        AccountService.OPERATOR_ORGANISATION, AccountService.BOOTSTRAP_ADMIN);
            }
        });
    }
}
