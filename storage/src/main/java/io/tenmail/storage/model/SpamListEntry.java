package io.tenmail.storage.model;

import java.util.Locale;
import java.util.Objects;

/**
 * One line of an allow or block list (issue 7): a sender address ({@code boss@partner.example})
 * or a whole sender domain ({@code *@spam.example}). Patterns are kept in lower case; the domain
 * form matches the domain itself only, not its subdomains (list those separately: a list entry
 * should never match more than its author can see).
 */
public record SpamListEntry(Kind kind, String pattern) {
    /** Longest pattern: a 64-octet local part, "@", a 255-octet domain. */
    public static final int MAX_PATTERN = 320;

    /** Allow: the content verdict is skipped, the mail never goes to Junk. Block: refused at DATA. */
    public enum Kind { ALLOW, BLOCK }

    /** @throws IllegalArgumentException the pattern is neither {@code local@domain} nor {@code *@domain} */
    public SpamListEntry {
        Objects.requireNonNull(kind, "kind");
        pattern = normalize(pattern);
    }

    /** Whether the pattern names a whole domain ({@code *@domain}). */
    public boolean isDomain() {
        return pattern.startsWith("*@");
    }

    /** The domain part of the pattern. */
    public String domain() {
        return pattern.substring(pattern.lastIndexOf('@') + 1);
    }

    /** Whether this entry covers {@code sender} (an address as given in MAIL FROM; case-insensitive). */
    public boolean matches(String sender) {
        if (sender == null || sender.isEmpty()) return false;
        String s = sender.toLowerCase(Locale.ROOT);
        int at = s.lastIndexOf('@');
        if (at < 0) return false;
        return isDomain() ? s.substring(at + 1).equals(domain()) : s.equals(pattern);
    }

    private static String normalize(String pattern) {
        if (pattern == null) throw new IllegalArgumentException("pattern is required");
        String p = pattern.strip().toLowerCase(Locale.ROOT);
        if (p.length() > MAX_PATTERN) throw new IllegalArgumentException("pattern is longer than " + MAX_PATTERN + " characters");
        int at = p.lastIndexOf('@');
        if (at <= 0 || at == p.length() - 1) {
            throw new IllegalArgumentException("pattern must be an address (user@example.com) or a domain (*@example.com): " + pattern);
        }
        String local = p.substring(0, at);
        String domain = p.substring(at + 1);
        if (!domain.contains(".") || domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")
                || domain.chars().anyMatch(c -> c == '*' || c == '@' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("pattern has no valid domain: " + pattern);
        }
        if (local.contains("*") && !local.equals("*")) throw new IllegalArgumentException("only a whole local part may be *: " + pattern);
        if (local.chars().anyMatch(Character::isWhitespace)) throw new IllegalArgumentException("pattern contains white space: " + pattern);
        return p;
    }
}
