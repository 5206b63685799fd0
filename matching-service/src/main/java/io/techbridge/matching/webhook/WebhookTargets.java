package io.techbridge.matching.webhook;

import io.techbridge.matching.config.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the platform may send a delivery. A subscriber chooses the URL, so without a check it could
 * make the platform call into its own network (Elasticsearch, the services' ports, a cloud's metadata
 * address): unless configured otherwise, a URL must be https and every address its host resolves to
 * public. It is checked when subscribing and again before each attempt, since a name can be pointed
 * elsewhere later; redirects are never followed.
 */
@ApplicationScoped
public class WebhookTargets {

    static final int MAX_LENGTH = 2000;

    private final WebhookConfig config;

    public WebhookTargets(WebhookConfig config) {
        this.config = config;
    }

    /** Why this URL may not be used, or empty when it may. */
    public Optional<String> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !config.requireHttps())) {
            return Optional.of(config.requireHttps() ? "must be an https URL" : "must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry a user name or password; the signature authenticates the platform");
        }
        if (uri.getFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        if (config.allowPrivateTargets()) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("host " + uri.getHost() + " is not known");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("host " + uri.getHost() + " is a loopback, private or link-local address ("
                        + address.getHostAddress() + "); deliveries go to public addresses only");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            // 100.64/10 (carrier-grade NAT), 0/8, 192.0.0/24, 198.18/15 (benchmarking), 240/4 (reserved).
            return !(first == 100 && second >= 64 && second < 128 || first == 0
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0 || first == 198 && (second == 18 || second == 19)
                    || first >= 240);
        }
        // IPv6 unique local fc00::/7; an IPv4-mapped address is judged by its IPv4 part.
        if ((b[0] & 0xfe) == 0xfc) {
            return false;
        }
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= b[i] == 0;
        }
        if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            try {
                return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return true;
    }
}
