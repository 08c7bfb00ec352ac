package dev.healdesk.core.playbook;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service a failure message names: the host (and port) of the first URL, the first {@code host:port}, or the
 * host a DNS lookup did not find. The executor counts distinct services to tell one broken backend (many failures,
 * one service) from a systemic problem; a playbook may put the host into a command only after {@link SafeValues}
 * accepts it, since it is failure text.
 */
public final class FailureServices {

    /** @param host as written in the message: untrusted text */
    public record Service(String host, String port) {
        /** host:port, or the host alone: what makes two services distinct. */
        public String key() {
            return port == null ? host : host + ":" + port;
        }
    }

    private static final Pattern URL = Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://([^/\\s\"'?#:]+)(?::(\\d{1,5}))?");
    private static final Pattern HOST_PORT = Pattern.compile("(?:^|\\s)([^\\s:]+):(\\d{1,5})\\b");
    private static final Pattern NOT_FOUND = Pattern.compile("ENOTFOUND\\s+(\\S+)");

    private FailureServices() {
    }

    public static Optional<Service> of(String message) {
        if (message == null) {
            return Optional.empty();
        }
        int best = Integer.MAX_VALUE;
        Service found = null;
        for (Pattern p : new Pattern[]{URL, HOST_PORT, NOT_FOUND}) {
            Matcher m = p.matcher(message);
            if (m.find() && m.start(1) < best) {
                best = m.start(1);
                found = new Service(m.group(1), m.groupCount() > 1 ? m.group(2) : null);
            }
        }
        return Optional.ofNullable(found);
    }
}
