package io.tenmail.smtp.wire;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The ESMTP parameters of MAIL FROM this server understands. Each is accepted only when its
 * extension was advertised; anything else is refused with 555 5.5.4 by the parser.
 *
 * @param size RFC 1870 SIZE=, the declared size in octets; clamped to {@link Long#MAX_VALUE}
 *     (RFC 1870 allows 20 digits), which is certainly too big
 * @param body RFC 6152 / RFC 3030 BODY=
 * @param smtpUtf8 RFC 6531 SMTPUTF8: the transaction may carry UTF-8 addresses and headers
 * @param ret RFC 3461 §4.3 RET=
 * @param envelopeId RFC 3461 §4.4 ENVID=, xtext-decoded
 * @param auth RFC 4954 §5 AUTH=, xtext-decoded; {@code "<>"} when the client does not know the
 *     submitter. Trusting it is the session's decision (§5: only from trusted clients).
 */
public record MailParameters(OptionalLong size, Optional<Body> body, boolean smtpUtf8, Optional<Ret> ret,
                             Optional<String> envelopeId, Optional<String> auth) {

    /** No parameters given. */
    public static final MailParameters NONE = new MailParameters(
            OptionalLong.empty(), Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty());

    /** BODY= values. */
    public enum Body {
        /** RFC 6152 §2. */
        SEVEN_BIT("7BIT"),
        /** RFC 6152 §2. */
        EIGHT_BIT_MIME("8BITMIME"),
        /** RFC 3030 §3: only with BDAT. */
        BINARY_MIME("BINARYMIME");

        private final String keyword;

        Body(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    /** RET= values (RFC 3461 §4.3). */
    public enum Ret { FULL, HDRS }

    public MailParameters {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(ret, "ret");
        Objects.requireNonNull(envelopeId, "envelopeId");
        Objects.requireNonNull(auth, "auth");
        if (size.isPresent() && size.getAsLong() < 0) throw new IllegalArgumentException("negative SIZE");
    }
}
