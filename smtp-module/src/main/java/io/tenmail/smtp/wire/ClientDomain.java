package io.tenmail.smtp.wire;

import java.util.Objects;

/**
 * The argument of HELO or EHLO (RFC 5321 §4.1.1.1): the client's domain or address literal.
 * Many real clients send something else (a bare IP address, a Windows machine name with an
 * underscore); the grammar accepts any single printable-ASCII token and classifies it, so that
 * refusing a {@link Kind#NONCONFORMING} name remains a policy decision.
 *
 * @param value as sent
 * @param kind how it parsed
 */
public record ClientDomain(String value, Kind kind) {

    /** How the argument parsed. */
    public enum Kind {
        /** An RFC 5321 Domain. */
        DOMAIN,
        /** An RFC 5321 §4.1.3 address literal such as {@code [192.0.2.1]}. */
        ADDRESS_LITERAL,
        /** Neither, e.g. {@code 192.0.2.1} without brackets or {@code my_pc}. */
        NONCONFORMING
    }

    public ClientDomain {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(kind, "kind");
        if (value.isEmpty()) throw new IllegalArgumentException("empty client domain");
    }

    /** Classifies a token already known to be printable ASCII without spaces. */
    static ClientDomain classify(String value) {
        Kind kind;
        if (value.startsWith("[")) {
            kind = AddressGrammar.addressLiteral(value) != null ? Kind.ADDRESS_LITERAL : Kind.NONCONFORMING;
        } else if (AddressGrammar.ipv4(value) != null) {
            // the Domain grammar would take it, but an address belongs in brackets (§4.1.3) and no
            // top-level domain is all-numeric (RFC 3696 §2)
            kind = Kind.NONCONFORMING;
        } else {
            kind = AddressGrammar.isDomain(value) ? Kind.DOMAIN : Kind.NONCONFORMING;
        }
        return new ClientDomain(value, kind);
    }
}
