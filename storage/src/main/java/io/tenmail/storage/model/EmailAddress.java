package io.tenmail.storage.model;

import java.net.IDN;
import java.util.Locale;

/**
 * A mailbox address {@code local@domain}. The domain is stored lower-case in its Unicode form; the
 * local part keeps its spelling for display, but {@link #key()} is case-insensitive, as users
 * expect of company mail even though RFC 5321 §2.4 allows otherwise.
 */
public record EmailAddress(String localPart, String domain) {
    public static final int MAX_LOCAL_PART = 64;
    public static final int MAX_DOMAIN = 255;

    public EmailAddress {
        if (localPart == null || localPart.isEmpty() || localPart.length() > MAX_LOCAL_PART) {
            throw new IllegalArgumentException("invalid local part: " + localPart);
        }
        for (int i = 0; i < localPart.length(); i++) {
            char c = localPart.charAt(i);
            if (c <= ' ' || c == '@' || c == '<' || c == '>' || c == '"' || c == '\\' || c == 0x7f) {
                throw new IllegalArgumentException("invalid character in local part: " + localPart);
            }
        }
        domain = normalizeDomain(domain);
    }

    /** Parses {@code local@domain}; throws {@link IllegalArgumentException} with a reason. */
    public static EmailAddress parse(String address) {
        if (address == null) throw new IllegalArgumentException("address is missing");
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            throw new IllegalArgumentException("not an address of the form local@domain: " + address);
        }
        return new EmailAddress(address.substring(0, at), address.substring(at + 1));
    }

    /** Lower-cases and validates a domain name, accepting both ASCII (A-label) and Unicode forms. */
    public static String normalizeDomain(String domain) {
        if (domain == null || domain.isEmpty() || domain.length() > MAX_DOMAIN) {
            throw new IllegalArgumentException("invalid domain: " + domain);
        }
        String unicode;
        try {
            unicode = IDN.toUnicode(IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES), IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid domain: " + domain, e);
        }
        unicode = unicode.toLowerCase(Locale.ROOT);
        if (unicode.endsWith(".")) unicode = unicode.substring(0, unicode.length() - 1);
        if (unicode.isEmpty() || unicode.startsWith(".") || unicode.contains("..")) {
            throw new IllegalArgumentException("invalid domain: " + domain);
        }
        return unicode;
    }

    /** The case-insensitive form used for look-ups and uniqueness. */
    public String key() {
        return localPart.toLowerCase(Locale.ROOT) + "@" + domain;
    }

    @Override
    public String toString() {
        return localPart + "@" + domain;
    }
}
