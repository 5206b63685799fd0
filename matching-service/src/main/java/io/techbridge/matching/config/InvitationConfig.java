package io.techbridge.matching.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whom an open challenge (揭榜挂帅) invites when matching finds its best achievements. */
@ConfigMapping(prefix = "techbridge.invitations")
public interface InvitationConfig {

    /** Most organisations invited each time a challenge is matched; earlier invitations stay. */
    @WithDefault("8")
    int maxOrganisations();

    /**
     * The score an organisation's best achievement must reach to be invited; by default the
     * proposal threshold, so an invited organisation holds an achievement the matcher would propose.
     */
    @WithDefault("${techbridge.matching.proposal-threshold}")
    double minScore();
}
