package io.tenmail.smtp.wire;

/**
 * Recursive-descent parser for RFC 5321 §4.1.2 paths, starting at a given offset of a command
 * argument and stopping after the closing {@code >}:
 *
 * <pre>
 * Path          = "&lt;" [ A-d-l ":" ] Mailbox "&gt;"
 * A-d-l         = At-domain *( "," At-domain )        ; source route, ignored (Appendix C)
 * At-domain     = "@" Domain
 * Mailbox       = Local-part "@" ( Domain / address-literal )
 * Local-part    = Dot-string / Quoted-string
 * Quoted-string = DQUOTE *( qtextSMTP / "\" %d32-126 ) DQUOTE
 * </pre>
 *
 * UTF-8 is parsed wherever RFC 6531 allows it and reported in {@link Parsed#nonAscii()}; whether
 * it is permitted is the caller's decision (it depends on the SMTPUTF8 parameter, which follows
 * the path). Limits: local part 64, domain 255, path 256 octets (§4.5.3.1).
 */
final class PathParser {

    /** A path that breaks the grammar; the message is the short reason put into the reply. */
    static final class PathSyntaxException extends Exception {
        PathSyntaxException(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * @param mailbox null for {@code <>} and {@code <Postmaster>}
     * @param end offset just after the closing {@code >}
     */
    record Parsed(Mailbox mailbox, boolean nullPath, boolean barePostmaster, boolean sourceRoute,
                  boolean nonAscii, int end) {}

    private final String s;
    private int pos;

    private PathParser(String s, int pos) {
        this.s = s;
        this.pos = pos;
    }

    static Parsed parse(String text, int start, boolean allowNullPath, boolean allowBarePostmaster)
            throws PathSyntaxException {
        return new PathParser(text, start).path(allowNullPath, allowBarePostmaster);
    }

    private Parsed path(boolean allowNullPath, boolean allowBarePostmaster) throws PathSyntaxException {
        int start = pos;
        if (!take('<')) throw new PathSyntaxException("address must be enclosed in <>");
        if (take('>')) {
            if (!allowNullPath) throw new PathSyntaxException("empty address");
            return new Parsed(null, true, false, false, false, pos);
        }
        if (allowBarePostmaster && s.regionMatches(true, pos, "Postmaster>", 0, 11)) {
            pos += 11;
            return new Parsed(null, false, true, false, false, pos);
        }
        boolean route = false;
        if (peek() == '@') {
            sourceRoute();
            route = true;
        }
        int localStart = pos;
        String local = peek() == '"' ? quotedString() : dotString();
        int localOctets = AddressGrammar.utf8Length(s.substring(localStart, pos));
        if (!take('@')) throw new PathSyntaxException(pos >= s.length() || peek() == '>' ? "missing @domain" : "invalid local part");
        if (localOctets > AddressGrammar.MAX_LOCAL_PART_OCTETS) throw new PathSyntaxException("local part longer than 64 octets");
        String domain = peek() == '[' ? addressLiteral() : domain(">");
        if (!take('>')) throw new PathSyntaxException(pos >= s.length() ? "missing closing >" : "invalid domain");
        if (AddressGrammar.utf8Length(s.substring(start, pos)) > AddressGrammar.MAX_PATH_OCTETS) {
            throw new PathSyntaxException("path longer than 256 octets");
        }
        boolean nonAscii = !AddressGrammar.isAscii(s.substring(start, pos));
        return new Parsed(new Mailbox(local, domain), false, false, route, nonAscii, pos);
    }

    /** {@code A-d-l ":"}; the domains are checked, then forgotten. */
    private void sourceRoute() throws PathSyntaxException {
        while (true) {
            if (!take('@')) throw new PathSyntaxException("invalid source route");
            domain(",:>");
            if (take(':')) return;
            if (!take(',')) throw new PathSyntaxException("invalid source route");
        }
    }

    private String dotString() throws PathSyntaxException {
        int start = pos;
        while (pos < s.length()) {
            int cp = s.codePointAt(pos);
            if (cp != '.' && !AddressGrammar.isAtext(cp)) break;
            pos += Character.charCount(cp);
        }
        String local = s.substring(start, pos);
        if (local.isEmpty() || !AddressGrammar.isDotString(local)) throw new PathSyntaxException("invalid local part");
        return local;
    }

    private String quotedString() throws PathSyntaxException {
        pos++; // opening DQUOTE
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= s.length()) throw new PathSyntaxException("unterminated quoted local part");
            int cp = s.codePointAt(pos);
            if (cp == '"') {
                pos++;
                break;
            }
            if (cp == '\\') {
                // quoted-pairSMTP = %d92 %d32-126
                if (pos + 1 >= s.length() || s.charAt(pos + 1) < 32 || s.charAt(pos + 1) > 126) {
                    throw new PathSyntaxException("invalid quoted pair in local part");
                }
                value.append(s.charAt(pos + 1));
                pos += 2;
                continue;
            }
            if (!AddressGrammar.isQtext(cp)) throw new PathSyntaxException("invalid character in quoted local part");
            value.appendCodePoint(cp);
            pos += Character.charCount(cp);
        }
        // RFC 5321 allows "" but no mailbox can be named by it; refusing it is safer than guessing
        if (value.length() == 0) throw new PathSyntaxException("empty local part");
        return value.toString();
    }

    /** A Domain ending before one of {@code terminators}. */
    private String domain(String terminators) throws PathSyntaxException {
        int start = pos;
        while (pos < s.length() && terminators.indexOf(s.charAt(pos)) < 0) pos++;
        String domain = s.substring(start, pos);
        if (domain.isEmpty()) throw new PathSyntaxException("missing domain");
        if (AddressGrammar.utf8Length(domain) > AddressGrammar.MAX_DOMAIN_OCTETS) {
            throw new PathSyntaxException("domain longer than 255 octets");
        }
        if (!AddressGrammar.isDomain(domain)) throw new PathSyntaxException("invalid domain");
        return domain;
    }

    private String addressLiteral() throws PathSyntaxException {
        int start = pos;
        int close = s.indexOf(']', pos);
        if (close < 0) throw new PathSyntaxException("unterminated address literal");
        pos = close + 1;
        String literal = s.substring(start, pos);
        if (AddressGrammar.addressLiteral(literal) == null) throw new PathSyntaxException("invalid address literal");
        return literal;
    }

    private int peek() {
        return pos < s.length() ? s.charAt(pos) : -1;
    }

    private boolean take(char c) {
        if (pos < s.length() && s.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }
}
