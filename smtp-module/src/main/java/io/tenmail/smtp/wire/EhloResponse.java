package io.tenmail.smtp.wire;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The 250 reply to EHLO (RFC 5321 §4.1.1.1): the server's domain and a greeting on the first line,
 * then one line per advertised extension, in {@link SmtpExtension} order. No enhanced status code
 * (RFC 2034 §4). The same value gives the session the set of extensions to parse with.
 *
 * @param serverDomain the first word of the reply
 * @param greeting free text after the domain, may be empty
 * @param extensions what to advertise
 * @param maxMessageOctets the SIZE limit (RFC 1870 §4; 0 means "no fixed limit"); only with SIZE
 * @param authMechanisms SASL mechanisms, upper case; required with AUTH and empty without it
 * @param legacyAuthLine also write {@code AUTH=PLAIN LOGIN}, the pre-RFC 2554 form that some old
 *     Outlook versions look for
 */
public record EhloResponse(String serverDomain, String greeting, Set<SmtpExtension> extensions, long maxMessageOctets,
                           List<String> authMechanisms, boolean legacyAuthLine) {

    public EhloResponse {
        Objects.requireNonNull(serverDomain, "serverDomain");
        Objects.requireNonNull(greeting, "greeting");
        extensions = extensions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(extensions));
        authMechanisms = List.copyOf(authMechanisms);
        if (serverDomain.isEmpty() || serverDomain.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("server domain must be one word: " + serverDomain);
        }
        if (maxMessageOctets < 0) throw new IllegalArgumentException("negative SIZE limit");
        if (extensions.contains(SmtpExtension.AUTH) == authMechanisms.isEmpty()) {
            throw new IllegalArgumentException("AUTH is advertised exactly when mechanisms are given");
        }
        for (String mechanism : authMechanisms) {
            if (!mechanism.matches("[A-Z0-9_-]{1,20}")) throw new IllegalArgumentException("invalid SASL mechanism: " + mechanism);
        }
        // RFC 3030 §3: BINARYMIME must not be advertised without CHUNKING
        if (extensions.contains(SmtpExtension.BINARYMIME) && !extensions.contains(SmtpExtension.CHUNKING)) {
            throw new IllegalArgumentException("BINARYMIME requires CHUNKING");
        }
        if (legacyAuthLine && authMechanisms.isEmpty()) throw new IllegalArgumentException("legacy AUTH= line without AUTH");
    }

    /** The reply to send. */
    public Reply toReply() {
        List<String> lines = new ArrayList<>();
        lines.add(greeting.isEmpty() ? serverDomain : serverDomain + " " + greeting);
        for (SmtpExtension extension : SmtpExtension.values()) {
            if (!extensions.contains(extension)) continue;
            switch (extension) {
                case SIZE -> lines.add("SIZE " + maxMessageOctets);
                case AUTH -> {
                    lines.add("AUTH " + String.join(" ", authMechanisms));
                    if (legacyAuthLine) lines.add("AUTH=" + String.join(" ", authMechanisms));
                }
                default -> lines.add(extension.keyword());
            }
        }
        return new Reply(250, Optional.empty(), lines);
    }

    /** Starts a response for this server domain with nothing advertised. */
    public static Builder builder(String serverDomain) {
        return new Builder(serverDomain);
    }

    /** Collects what to advertise; {@link #build()} validates it. */
    public static final class Builder {
        private final String serverDomain;
        private String greeting = "";
        private final EnumSet<SmtpExtension> extensions = EnumSet.noneOf(SmtpExtension.class);
        private long maxMessageOctets;
        private List<String> authMechanisms = List.of();
        private boolean legacyAuthLine;

        private Builder(String serverDomain) {
            this.serverDomain = serverDomain;
        }

        public Builder greeting(String text) {
            this.greeting = text;
            return this;
        }

        /** Advertises extensions without parameters (not SIZE or AUTH: use their methods). */
        public Builder advertise(SmtpExtension... more) {
            for (SmtpExtension e : more) {
                if (e == SmtpExtension.SIZE || e == SmtpExtension.AUTH) {
                    throw new IllegalArgumentException(e + " has its own builder method");
                }
                extensions.add(e);
            }
            return this;
        }

        /** Advertises SIZE with this limit (0: no fixed limit). */
        public Builder size(long maxOctets) {
            extensions.add(SmtpExtension.SIZE);
            this.maxMessageOctets = maxOctets;
            return this;
        }

        /** Advertises AUTH with these mechanisms; none means AUTH is not advertised. */
        public Builder auth(List<String> mechanisms) {
            this.authMechanisms = List.copyOf(mechanisms);
            if (mechanisms.isEmpty()) extensions.remove(SmtpExtension.AUTH);
            else extensions.add(SmtpExtension.AUTH);
            return this;
        }

        public Builder legacyAuthLine(boolean on) {
            this.legacyAuthLine = on;
            return this;
        }

        public EhloResponse build() {
            return new EhloResponse(serverDomain, greeting, extensions, maxMessageOctets, authMechanisms,
                    legacyAuthLine && !authMechanisms.isEmpty());
        }
    }
}
