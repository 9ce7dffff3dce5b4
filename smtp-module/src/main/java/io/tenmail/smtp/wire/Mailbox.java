package io.tenmail.smtp.wire;

import java.net.InetAddress;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An RFC 5321 §4.1.2 {@code Mailbox}: {@code Local-part "@" (Domain / address-literal)}.
 *
 * <p>{@link #localPart()} is the local part's value, with the quotes and quoted-pairs of a
 * {@code Quoted-string} removed: {@code "john"@x} and {@code john@x} are the same mailbox, and
 * {@link #toString()} writes the minimal quoting (RFC 5321 §4.1.2: "SHOULD transmit the form that
 * uses the minimum quoting possible"). Its case is kept (§2.4: only the destination host may
 * interpret it). {@link #domain()} is a domain name as written (ASCII or U-labels) or an address
 * literal with its brackets.
 *
 * @param localPart at most 64 octets in its written form, no control characters
 * @param domain a valid Domain (with U-labels) or address literal, at most 255 octets
 */
public record Mailbox(String localPart, String domain) {

    /**
     * Local-part forms that route mail onward through the receiving host: the policy layer refuses
     * them for relay-less recipients (the classic open-relay tests).
     */
    public enum RelayTrick {
        /** {@code user%other.example@us}: the "percent hack". */
        PERCENT_HACK,
        /** {@code other!user@us}: a UUCP bang path. */
        BANG_PATH,
        /** {@code "user@other.example"@us}: an address inside a quoted local part. */
        QUOTED_AT
    }

    public Mailbox {
        Objects.requireNonNull(localPart, "localPart");
        Objects.requireNonNull(domain, "domain");
        if (localPart.isEmpty()) throw new IllegalArgumentException("empty local part");
        for (int i = 0; i < localPart.length(); i++) {
            char c = localPart.charAt(i);
            if (c < 0x20 || c == 0x7f) throw new IllegalArgumentException("control character in local part");
        }
        if (AddressGrammar.utf8Length(wireLocalPart(localPart)) > AddressGrammar.MAX_LOCAL_PART_OCTETS) {
            throw new IllegalArgumentException("local part longer than 64 octets");
        }
        boolean literal = domain.startsWith("[");
        if (literal ? AddressGrammar.addressLiteral(domain) == null : !AddressGrammar.isDomain(domain)) {
            throw new IllegalArgumentException("invalid domain: " + domain);
        }
    }

    /**
     * Parses {@code local@domain} (no angle brackets) with the RFC 5321 grammar, UTF-8 allowed.
     * Throws {@link IllegalArgumentException} with the reason.
     */
    public static Mailbox parse(String text) {
        try {
            PathParser.Parsed parsed = PathParser.parse("<" + text + ">", 0, false, false);
            if (parsed.end() != text.length() + 2 || parsed.mailbox() == null) {
                throw new IllegalArgumentException("not a mailbox: " + text);
            }
            return parsed.mailbox();
        } catch (PathParser.PathSyntaxException e) {
            throw new IllegalArgumentException(e.getMessage() + ": " + text, e);
        }
    }

    /** The local part as it goes on the wire: a Dot-string if possible, else a Quoted-string. */
    public String wireLocalPart() {
        return wireLocalPart(localPart);
    }

    private static String wireLocalPart(String value) {
        if (AddressGrammar.isDotString(value)) return value;
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') quoted.append('\\'); // quoted-pairSMTP
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }

    /** True if the domain is an address literal such as {@code [192.0.2.1]}. */
    public boolean isAddressLiteral() {
        return domain.startsWith("[");
    }

    /** The address of an address-literal domain; empty for a domain name. Never uses DNS. */
    public Optional<InetAddress> addressLiteral() {
        return isAddressLiteral() ? Optional.of(AddressGrammar.addressLiteral(domain)) : Optional.empty();
    }

    /** True if local part and domain are ASCII, i.e. the mailbox needs no SMTPUTF8. */
    public boolean isAscii() {
        return AddressGrammar.isAscii(localPart) && AddressGrammar.isAscii(domain);
    }

    /** RFC 5321 §4.5.1: "Postmaster" in any case, at any domain. */
    public boolean isPostmaster() {
        return localPart.equalsIgnoreCase("postmaster");
    }

    /** The relay tricks this local part contains, for the policy layer to refuse; usually empty. */
    public Set<RelayTrick> relayTricks() {
        EnumSet<RelayTrick> tricks = EnumSet.noneOf(RelayTrick.class);
        if (localPart.indexOf('%') >= 0) tricks.add(RelayTrick.PERCENT_HACK);
        if (localPart.indexOf('!') >= 0) tricks.add(RelayTrick.BANG_PATH);
        // '@' is not atext, so it can only have come from a Quoted-string
        if (localPart.indexOf('@') >= 0) tricks.add(RelayTrick.QUOTED_AT);
        return tricks;
    }

    /** {@code local@domain} in wire form (minimal quoting), without angle brackets. */
    @Override
    public String toString() {
        return wireLocalPart() + "@" + domain;
    }
}
