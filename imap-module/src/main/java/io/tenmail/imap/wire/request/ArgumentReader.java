package io.tenmail.imap.wire.request;

import io.tenmail.imap.wire.Grammar;
import io.tenmail.imap.wire.ImapSyntaxException;
import io.tenmail.imap.wire.Literal;
import io.tenmail.imap.wire.MailboxNameCodec;
import io.tenmail.imap.wire.RawCommand;
import io.tenmail.imap.wire.ResponseCode;
import io.tenmail.imap.wire.SequenceSet;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.storage.model.MailboxName;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A cursor over one {@link RawCommand}: the tokens of RFC 9051 §9 (atoms, quoted strings,
 * literals, numbers, sequence sets) and the precise BAD each mistake deserves. Every method either
 * consumes a whole token or throws; error texts name the command ({@code FETCH: ...}).
 */
final class ArgumentReader {

    /** Strings longer than this are refused even if the reader let their literal through. */
    static final int MAX_STRING_OCTETS = 1024 * 1024;

    private final RawCommand raw;
    private int pos;
    private int nextLiteral;
    private String tag;
    private String command;

    private final boolean utf8;

    /** @param utf8 mailbox names are UTF-8 rather than modified UTF-7 */
    ArgumentReader(RawCommand raw, boolean utf8) {
        this.raw = raw;
        this.utf8 = utf8;
    }

    // ------------------------------------------------------------------ context for errors

    void tag(String tag) {
        this.tag = tag;
    }

    String tag() {
        return tag;
    }

    void command(String command) {
        this.command = command;
    }

    String command() {
        return command;
    }

    ImapSyntaxException error(String detail) {
        return new ImapSyntaxException(StatusResponse.bad(tag, command == null ? detail : command + ": " + detail));
    }

    ImapSyntaxException no(ResponseCode code, String detail) {
        return new ImapSyntaxException(StatusResponse.no(tag, code, command == null ? detail : command + ": " + detail));
    }

    // ------------------------------------------------------------------ position

    boolean atEnd() {
        return pos >= raw.length() && nextLiteral >= raw.literalCount();
    }

    /** The next text octet, or -1 at the end. */
    int peek() {
        return pos < raw.length() ? raw.octet(pos) : -1;
    }

    int peek(int ahead) {
        return pos + ahead < raw.length() ? raw.octet(pos + ahead) : -1;
    }

    int position() {
        return pos;
    }

    void skip(int octets) {
        pos = Math.min(raw.length(), pos + octets);
    }

    void end() throws ImapSyntaxException {
        if (!atEnd()) {
            throw error(peek() == ' ' ? "Unexpected arguments after the command" : "Unexpected characters at the end: "
                    + describeRest());
        }
    }

    void sp() throws ImapSyntaxException {
        if (peek() != ' ') {
            throw error(pos >= raw.length() ? "Missing arguments" : "Expected a space before " + describeRest());
        }
        pos++;
        if (peek() == ' ') throw error("Extra space in arguments");
    }

    /** Consumes a space if one is next. */
    boolean trySp() throws ImapSyntaxException {
        if (peek() != ' ') return false;
        sp();
        return true;
    }

    void expect(char c) throws ImapSyntaxException {
        if (peek() != c) {
            throw error("Expected '" + c + "'" + (pos >= raw.length() ? " at the end" : " before " + describeRest()));
        }
        pos++;
    }

    boolean tryConsume(char c) {
        if (peek() != c) return false;
        pos++;
        return true;
    }

    /** Up to 20 characters of what comes next, for error texts. */
    String describeRest() {
        if (pos >= raw.length()) return "the end";
        int end = Math.min(raw.length(), pos + 20);
        StringBuilder sb = new StringBuilder("'");
        for (int i = pos; i < end; i++) {
            int c = raw.octet(i);
            sb.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
        }
        return sb.append(end < raw.length() ? "...'" : "'").toString();
    }

    // ------------------------------------------------------------------ atoms

    /** atom = 1*ATOM-CHAR, as written. */
    String atom(String what) throws ImapSyntaxException {
        int start = pos;
        while (pos < raw.length() && Grammar.isAtomChar(raw.octet(pos))) pos++;
        if (start == pos) throw error("Expected " + what + (start >= raw.length() ? "" : " at " + describeRest()));
        return ascii(start, pos);
    }

    /** An atom in upper case (command names, keywords of the grammar). */
    String keyword(String what) throws ImapSyntaxException {
        return atom(what).toUpperCase(Locale.ROOT);
    }

    /** Octets while {@code Grammar.isAtomChar} and not '[': data item names before a section. */
    String itemName() throws ImapSyntaxException {
        int start = pos;
        while (pos < raw.length() && Grammar.isAtomChar(raw.octet(pos)) && raw.octet(pos) != '[' && raw.octet(pos) != '<') pos++;
        if (start == pos) throw error("Expected a data item at " + describeRest());
        return ascii(start, pos).toUpperCase(Locale.ROOT);
    }

    /** True if the next token is the given word (case-insensitive) followed by a delimiter. */
    boolean peekWord(String word) {
        int n = word.length();
        if (pos + n > raw.length()) return false;
        for (int i = 0; i < n; i++) {
            if (Character.toUpperCase(raw.octet(pos + i)) != word.charAt(i)) return false;
        }
        return pos + n == raw.length() || !Grammar.isAtomChar(raw.octet(pos + n));
    }

    boolean tryWord(String word) {
        if (!peekWord(word)) return false;
        pos += word.length();
        return true;
    }

    private String ascii(int from, int to) {
        return new String(raw.octets(from, to), StandardCharsets.US_ASCII);
    }

    // ------------------------------------------------------------------ strings

    /** astring = 1*ASTRING-CHAR / string, decoded as UTF-8. */
    String astring(String what) throws ImapSyntaxException {
        return utf8(astringOctets(what), what);
    }

    byte[] astringOctets(String what) throws ImapSyntaxException {
        int c = peek();
        if (c == '"' || isLiteralStart()) return stringOctets(what);
        int start = pos;
        while (pos < raw.length() && Grammar.isAstringChar(raw.octet(pos))) pos++;
        if (start == pos) throw error("Expected " + what + (start >= raw.length() ? "" : " at " + describeRest()));
        return raw.octets(start, pos);
    }

    /** string = quoted / literal, as octets. */
    byte[] stringOctets(String what) throws ImapSyntaxException {
        int c = peek();
        if (c == '"') return quoted(what);
        if (isLiteralStart()) {
            Literal literal = literal(false, what);
            if (literal.containsNul()) throw error("NUL octet in the literal of " + what);
            if (literal.size() > MAX_STRING_OCTETS) throw error(what + " is too long");
            return literal.bytes();
        }
        throw error("Expected " + what + " as a string" + (pos >= raw.length() ? "" : " at " + describeRest()));
    }

    String string(String what) throws ImapSyntaxException {
        return utf8(stringOctets(what), what);
    }

    /** nstring = string / nil; null for NIL. */
    String nstring(String what) throws ImapSyntaxException {
        if (peekWord("NIL")) {
            pos += 3;
            return null;
        }
        return string(what);
    }

    /** RFC 9051 §9 list-mailbox = 1*list-char / string. */
    String listMailbox(String what) throws ImapSyntaxException {
        int c = peek();
        if (c == '"' || isLiteralStart()) return string(what);
        int start = pos;
        while (pos < raw.length() && Grammar.isListChar(raw.octet(pos))) pos++;
        if (start == pos) throw error("Expected " + what + (start >= raw.length() ? "" : " at " + describeRest()));
        return ascii(start, pos);
    }

    private byte[] quoted(String what) throws ImapSyntaxException {
        int start = pos;
        pos++;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int limit = nextLiteral < raw.literalCount() ? raw.literalEnd(nextLiteral) : raw.length();
        while (true) {
            if (pos >= limit) {
                pos = start;
                throw error("Unterminated quoted string in " + what);
            }
            int c = raw.octet(pos++);
            if (c == '"') return out.toByteArray();
            if (c == '\\') {
                int next = pos < limit ? raw.octet(pos) : -1;
                // RFC 9051 §4.3: only the quoted-specials may be escaped
                if (next != '"' && next != '\\') throw error("Invalid escape in quoted string of " + what);
                out.write(next);
                pos++;
                continue;
            }
            if (c == 0 || c == '\r' || c == '\n') throw error("Control character in quoted string of " + what);
            out.write(c);
        }
    }

    /** Decodes octets as UTF-8, refusing malformed sequences (RFC 9051 §4.3; RFC 6855 §3). */
    String utf8(byte[] octets, String what) throws ImapSyntaxException {
        return decode(octets, StandardCharsets.UTF_8, what);
    }

    String decode(byte[] octets, Charset charset, String what) throws ImapSyntaxException {
        boolean ascii = true;
        for (byte b : octets) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii && isAsciiCompatible(charset)) {
            return new String(octets, StandardCharsets.US_ASCII);
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(octets)).toString();
        } catch (CharacterCodingException e) {
            throw error("Invalid " + charset.name() + " in " + what);
        }
    }

    private static boolean isAsciiCompatible(Charset charset) {
        String name = charset.name();
        return !(name.startsWith("UTF-16") || name.startsWith("UTF-32") || name.startsWith("x-UTF-16")
                || name.equalsIgnoreCase("UTF-7"));
    }

    // ------------------------------------------------------------------ mailbox names

    /**
     * mailbox = "INBOX" / astring, decoded (modified UTF-7 or UTF-8). A name that is not valid
     * modified UTF-7 is a BAD; one the store could never hold (empty level, leading delimiter)
     * a {@code NO [CANNOT]} when creating, {@code NO [NONEXISTENT]} otherwise.
     */
    MailboxName mailbox(String what, boolean creating) throws ImapSyntaxException {
        String wire = astring(what);
        String name;
        try {
            name = MailboxNameCodec.decode(wire, utf8);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
        // RFC 9051 §6.3.4: a trailing delimiter on CREATE declares that children will follow
        if (creating && name.length() > 1 && name.charAt(name.length() - 1) == MailboxName.DELIMITER) {
            name = name.substring(0, name.length() - 1);
        }
        try {
            return new MailboxName(name);
        } catch (IllegalArgumentException e) {
            ResponseCode code = creating ? ResponseCode.CANNOT : ResponseCode.NONEXISTENT;
            throw new ImapSyntaxException(StatusResponse.no(tag, code, "Invalid mailbox name"));
        }
    }

    /** Reference names and patterns are mailbox names too, decoded the same way. */
    String pattern(String wire) throws ImapSyntaxException {
        try {
            return MailboxNameCodec.decode(wire, utf8);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    // ------------------------------------------------------------------ literals

    boolean isLiteralStart() {
        int c = peek();
        return c == '{' || c == '~' && peek(1) == '{';
    }

    /**
     * A literal {@code {n}}, {@code {n+}} or, if {@code binaryAllowed}, {@code ~{n}} (RFC 3516).
     * The reader already checked its size; the announcement must be the one that ended its line.
     */
    Literal literal(boolean binaryAllowed, String what) throws ImapSyntaxException {
        boolean binary = peek() == '~';
        if (binary && !binaryAllowed) throw error("A literal8 (~{n}) is not allowed for " + what);
        int start = pos;
        pos += binary ? 2 : 1;
        int digits = pos;
        while (pos < raw.length() && raw.octet(pos) >= '0' && raw.octet(pos) <= '9') pos++;
        if (digits == pos) throw error("Invalid literal announcement for " + what);
        tryConsume('+');
        if (!tryConsume('}')) throw error("Invalid literal announcement for " + what);
        if (nextLiteral >= raw.literalCount() || raw.literalEnd(nextLiteral) != pos) {
            pos = start;
            throw error("A literal announcement must end its line");
        }
        return raw.literal(nextLiteral++);
    }

    // ------------------------------------------------------------------ numbers

    /** number = 1*DIGIT, 0..4294967295 (RFC 9051 §9). */
    long number(String what) throws ImapSyntaxException {
        return digits(what, SequenceSet.MAX_NUMBER);
    }

    /** nz-number, 1..4294967295. */
    long nzNumber(String what) throws ImapSyntaxException {
        int start = pos;
        long n = digits(what, SequenceSet.MAX_NUMBER);
        if (n == 0 || raw.octet(start) == '0') throw error(what + " must be a positive number without leading zeros");
        return n;
    }

    /** number64, 0..2^63-1 (RFC 9051 §9); also mod-sequence-valzer (RFC 7162 §7). */
    long number64(String what) throws ImapSyntaxException {
        return digits(what, Long.MAX_VALUE);
    }

    /** mod-sequence-value: 1..2^63-1 (RFC 7162 §7). */
    long modSequenceValue(String what) throws ImapSyntaxException {
        long n = digits(what, Long.MAX_VALUE);
        if (n == 0) throw error(what + " must be positive");
        return n;
    }

    private long digits(String what, long max) throws ImapSyntaxException {
        int start = pos;
        long value = 0;
        while (pos < raw.length() && raw.octet(pos) >= '0' && raw.octet(pos) <= '9') {
            int d = raw.octet(pos) - '0';
            if (value > (max - d) / 10) throw error(what + " is too large");
            value = value * 10 + d;
            pos++;
        }
        if (start == pos) throw error("Expected " + what + " as a number" + (start >= raw.length() ? "" : " at " + describeRest()));
        if (pos < raw.length() && Character.isLetter(raw.octet(pos))) {
            throw error("Expected " + what + " as a number at " + describeFrom(start));
        }
        return value;
    }

    private String describeFrom(int start) {
        int saved = pos;
        pos = start;
        String s = describeRest();
        pos = saved;
        return s;
    }

    // ------------------------------------------------------------------ sequence sets

    /** sequence-set, with {@code *} and, where the grammar allows, {@code $} (RFC 5182). */
    SequenceSet sequenceSet(String what) throws ImapSyntaxException {
        int start = pos;
        while (pos < raw.length()) {
            int c = raw.octet(pos);
            if (c >= '0' && c <= '9' || c == ':' || c == ',' || c == '*' || c == '$') pos++;
            else break;
        }
        if (start == pos) throw error("Expected " + what + (start >= raw.length() ? "" : " at " + describeRest()));
        if (pos < raw.length() && Grammar.isAtomChar(raw.octet(pos))) {
            throw error("Invalid " + what + " " + describeFrom(start));
        }
        try {
            return SequenceSet.parse(ascii(start, pos));
        } catch (IllegalArgumentException e) {
            throw error("Invalid " + what + " (" + e.getMessage() + ")");
        }
    }

    /** True if the next token starts like a sequence set. */
    boolean peekSequenceSet() {
        int c = peek();
        return c >= '0' && c <= '9' || c == '*' || c == '$';
    }
}
