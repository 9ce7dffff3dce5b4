package io.tenmail.imap.wire.response;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a raw address header value (From, To, Cc ...) into ENVELOPE addresses: RFC 5322 §3.4
 * address-list with groups, quoted strings, comments, domain literals, and the obsolete forms of
 * §4.4 (source routes, empty list elements, CFWS around dots). Display names keep encoded-words
 * (RFC 2047) as sent: the client decodes them. UTF-8 (RFC 6532) passes through as text.
 *
 * <p>Never fails: mail headers are often broken. A mailbox without a local part or domain gets
 * {@link EnvelopeAddress#MISSING_MAILBOX} / {@link EnvelopeAddress#MISSING_DOMAIN}, like Dovecot,
 * because an absent host would read as a group marker. An address written the old way, {@code
 * user@host (Real Name)}, takes its display name from the comment. A local part that is not a
 * dot-atom is returned quoted ({@code "john doe"}), so that a client joining mailbox and host
 * rebuilds a valid address.
 */
public final class AddressParser {

    private enum Kind { WORD, QUOTED, DOMAIN_LITERAL, SPECIAL, COMMENT }

    /** A lexical token; {@code spaceBefore} if whitespace or a comment preceded it. */
    private record Token(Kind kind, String text, boolean spaceBefore) {
        boolean is(char special) {
            return kind == Kind.SPECIAL && text.charAt(0) == special;
        }
    }

    private final List<Token> tokens;
    private final List<EnvelopeAddress> out = new ArrayList<>();
    private int i;

    private AddressParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The addresses of a header value; empty for null, blank or unparseable input. */
    public static List<EnvelopeAddress> parse(String value) {
        if (value == null || value.isBlank()) return List.of();
        AddressParser p = new AddressParser(tokenize(value));
        p.list(false);
        return List.copyOf(p.out);
    }

    // ------------------------------------------------------------------ structure

    /** address *("," address), empty elements skipped; in a group, up to ";". */
    private void list(boolean inGroup) {
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.is(',') || t.is('>') || t.kind == Kind.COMMENT) {
                i++;
                continue;
            }
            if (t.is(';')) {
                i++;
                if (inGroup) return;
                continue;
            }
            int before = i;
            address(inGroup);
            if (i == before) i++;
        }
    }

    private void address(boolean inGroup) {
        int j = i;
        while (j < tokens.size()) {
            Token t = tokens.get(j);
            if (t.is('<')) {
                angleAddress(j);
                return;
            }
            if (t.is(':') && !inGroup) {
                group(j);
                return;
            }
            if (t.is('@') || t.is(',') || t.is(';') && inGroup) break;
            j++;
        }
        addrSpec(inGroup);
    }

    /** display-name ":" [group-list] ";". */
    private void group(int colon) {
        String name = phrase(i, colon);
        i = colon + 1;
        out.add(EnvelopeAddress.groupStart(name == null ? "" : name));
        list(true);
        out.add(EnvelopeAddress.GROUP_END);
    }

    /** [display-name] "<" [obs-route] addr-spec ">". */
    private void angleAddress(int open) {
        String name = phrase(i, open);
        i = open + 1;
        String adl = null;
        if (i < tokens.size() && tokens.get(i).is('@')) {
            StringBuilder route = new StringBuilder();
            while (i < tokens.size() && !tokens.get(i).is(':') && !tokens.get(i).is('>')) {
                Token t = tokens.get(i++);
                if (t.kind != Kind.COMMENT) route.append(t.text);
            }
            if (i < tokens.size() && tokens.get(i).is(':')) {
                i++;
                adl = route.toString();
            } else {
                // "<@host>" without a colon: not a route, read it as an address instead
                i = open + 1;
            }
        }
        EnvelopeAddress spec = addrSpecUntil('>');
        out.add(new EnvelopeAddress(name, adl, spec.mailbox(), spec.host()));
        // skip the ">" and anything up to the next list separator
        while (i < tokens.size() && !tokens.get(i).is(',') && !tokens.get(i).is(';')) i++;
    }

    /**
     * A bare addr-spec, possibly broken. A comment inside serves as the display name
     * ({@code user@host (Real Name)}); so do words before the local part that white space
     * separates from it ({@code Real Name user@host}, a common mistake).
     */
    private void addrSpec(boolean inGroup) {
        int start = i;
        EnvelopeAddress spec = addrSpecUntil(inGroup ? ';' : ',');
        String name = spec.name();
        for (int k = start; k < i && name == null; k++) {
            Token t = tokens.get(k);
            if (t.kind == Kind.COMMENT && !t.text.isBlank()) name = t.text.strip();
        }
        out.add(new EnvelopeAddress(name, null, spec.mailbox(), spec.host()));
    }

    /**
     * local-part ["@" domain], stopping at {@code stop} (consumed if it is '>'), a ',' or the end.
     * Returns mailbox and host, and as name the words dropped before the local part, if any.
     */
    private EnvelopeAddress addrSpecUntil(char stop) {
        StringBuilder local = new StringBuilder();
        StringBuilder dropped = new StringBuilder();
        boolean quoted = false;
        boolean afterDot = false;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.is('@') || t.is(stop) || t.is(',') || t.is('>') || t.is(';')) break;
            i++;
            if (t.kind == Kind.COMMENT) continue;
            if (t.kind != Kind.SPECIAL && t.spaceBefore && !local.isEmpty() && !afterDot) {
                // "Real Name user@host": the earlier words were a phrase, not the local part
                if (!dropped.isEmpty()) dropped.append(' ');
                dropped.append(local);
                local.setLength(0);
                quoted = false;
            }
            local.append(t.text);
            quoted |= t.kind == Kind.QUOTED;
            afterDot = t.is('.');
        }
        StringBuilder domain = new StringBuilder();
        if (i < tokens.size() && tokens.get(i).is('@')) {
            i++;
            while (i < tokens.size()) {
                Token t = tokens.get(i);
                if (t.is(stop) || t.is(',') || t.is('>') || t.is(';')) break;
                i++;
                if (t.kind != Kind.COMMENT) domain.append(t.text);
            }
        }
        if (stop == '>' && i < tokens.size() && tokens.get(i).is('>')) i++;
        String mailbox = local.isEmpty() ? EnvelopeAddress.MISSING_MAILBOX : localPart(local.toString(), quoted);
        String host = domain.isEmpty() ? EnvelopeAddress.MISSING_DOMAIN : domain.toString();
        return new EnvelopeAddress(dropped.isEmpty() ? null : dropped.toString(), null, mailbox, host);
    }

    /** The local part as it must be written: quoted again when it is not a dot-atom. */
    private static String localPart(String text, boolean wasQuoted) {
        if (!wasQuoted || isDotAtom(text)) return text;
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '"' || c == '\\') sb.append('\\');
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    private static boolean isDotAtom(String s) {
        if (s.isEmpty() || s.startsWith(".") || s.endsWith(".") || s.contains("..")) return false;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c != '.' && !isAtext(c)) return false;
        }
        return true;
    }

    /**
     * The display name of tokens [from, to): words joined with single spaces where the header had
     * white space or comments, quoted strings unquoted, comments dropped. Null if empty.
     */
    private String phrase(int from, int to) {
        StringBuilder sb = new StringBuilder();
        boolean pendingSpace = false;
        for (int k = from; k < to; k++) {
            Token t = tokens.get(k);
            if (t.kind == Kind.COMMENT) {
                pendingSpace = true;
                continue;
            }
            if (!sb.isEmpty() && (pendingSpace || t.spaceBefore)) sb.append(' ');
            pendingSpace = false;
            sb.append(t.text);
        }
        String s = sb.toString().strip();
        return s.isEmpty() ? null : s;
    }

    // ------------------------------------------------------------------ lexer

    private static List<Token> tokenize(String s) {
        List<Token> tokens = new ArrayList<>();
        int k = 0;
        int n = s.length();
        boolean space = false;
        while (k < n) {
            char c = s.charAt(k);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                space = true;
                k++;
            } else if (c == '(') {
                int depth = 0;
                StringBuilder comment = new StringBuilder();
                while (k < n) {
                    char d = s.charAt(k++);
                    if (d == '\\' && k < n) {
                        comment.append(s.charAt(k++));
                        continue;
                    }
                    if (d == '(') {
                        if (depth++ > 0) comment.append(d);
                    } else if (d == ')') {
                        if (--depth == 0) break;
                        comment.append(d);
                    } else {
                        comment.append(d);
                    }
                }
                tokens.add(new Token(Kind.COMMENT, comment.toString(), space));
                space = true;
            } else if (c == '"') {
                StringBuilder q = new StringBuilder();
                k++;
                while (k < n) {
                    char d = s.charAt(k++);
                    if (d == '\\' && k < n) {
                        q.append(s.charAt(k++));
                    } else if (d == '"') {
                        break;
                    } else if (d != '\r' && d != '\n') {
                        q.append(d);
                    }
                }
                tokens.add(new Token(Kind.QUOTED, q.toString(), space));
                space = false;
            } else if (c == '[') {
                int end = s.indexOf(']', k);
                end = end < 0 ? n : end + 1;
                tokens.add(new Token(Kind.DOMAIN_LITERAL, s.substring(k, end), space));
                k = end;
                space = false;
            } else if ("<>:;@,.\\]".indexOf(c) >= 0) {
                tokens.add(new Token(Kind.SPECIAL, String.valueOf(c), space));
                k++;
                space = false;
            } else if (c < 0x20 || c == 0x7f) {
                k++;
            } else {
                int start = k;
                while (k < n && isAtext(s.charAt(k))) k++;
                tokens.add(new Token(Kind.WORD, s.substring(start, k), space));
                space = false;
            }
        }
        return tokens;
    }

    /** RFC 5322 §3.2.3 atext, plus UTF-8 (RFC 6532 §3.2); '=' and '?' make encoded-words atoms. */
    private static boolean isAtext(char c) {
        if (c >= 0x80) return true;
        if (c <= 0x20 || c == 0x7f) return false;
        return "()<>[]:;@\\,.\"".indexOf(c) < 0;
    }
}
