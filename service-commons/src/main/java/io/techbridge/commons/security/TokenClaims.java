package io.techbridge.commons.security;

/**
 * The claims of a TechBridge access token (RS256, issued by the gateway): {@code sub} the user id,
 * {@code upn} the login name, {@code groups} the one role, and these.
 */
public final class TokenClaims {

    public static final String ISSUER = "techbridge";
    /** The organisation the user acts for. */
    public static final String ORGANISATION = "org";
    /** Its type: UNIVERSITY, INSTITUTE, ENTERPRISE, BROKER_AGENCY or OPERATOR. */
    public static final String ORGANISATION_TYPE = "orgType";
    /** The organisation's display name. */
    public static final String ORGANISATION_NAME = "orgName";
    /** The user's display name. */
    public static final String DISPLAY_NAME = "name";

    private TokenClaims() {
    }
}
