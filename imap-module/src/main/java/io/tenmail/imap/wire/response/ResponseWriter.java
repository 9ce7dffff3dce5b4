package io.tenmail.imap.wire.response;

import io.tenmail.imap.wire.Grammar;
import io.tenmail.imap.wire.MailboxNameCodec;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.storage.model.Flags;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Writes server responses (RFC 9051 §7) token by token to an {@link OutputStream}, putting the
 * single spaces between tokens itself: after a line start, a {@code (} or a {@code [} none, else
 * one. So
 *
 * <pre>
 * w.untagged().number(12).atom("FETCH").openList().atom("FLAGS").flags(f).atom("UID").number(4827313)
 *  .closeList().end();
 * </pre>
 *
 * writes {@code * 12 FETCH (FLAGS (\Seen) UID 4827313)} and CRLF. Where the grammar puts tokens
 * side by side ({@code 1*address}), {@link #adjacent()} suppresses the next space.
 *
 * <h2>Strings</h2>
 *
 * {@link #string(String)} sends a quoted string when that is safe: at most {@value
 * #MAX_QUOTED_OCTETS} octets, no CR, LF or NUL, and only US-ASCII unless UTF-8 is on (IMAP4rev2 or
 * UTF8=ACCEPT enabled: RFC 9051 §4.3, RFC 6855 §3); otherwise a literal {@code {n}} of its UTF-8
 * octets. NUL, which no string may carry (RFC 9051 §4.3), becomes U+FFFD. {@link #nstring} adds
 * NIL, {@link #astring} prefers a bare atom.
 *
 * <p>Not thread-safe; nothing is flushed until {@link #flush()}.
 */
public final class ResponseWriter {

    /** Longer strings are sent as literals: easier on clients than long escaped lines. */
    public static final int MAX_QUOTED_OCTETS = 1024;

    private static final byte[] CRLF = {'\r', '\n'};

    private final OutputStream out;
    private boolean utf8;
    private boolean needSpace;
    private boolean inLine;

    public ResponseWriter(OutputStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Whether quoted strings and mailbox names may carry UTF-8 (RFC 6855 §3, RFC 9051). */
    public void setUtf8(boolean utf8) {
        this.utf8 = utf8;
    }

    public boolean utf8() {
        return utf8;
    }

    // ------------------------------------------------------------------ line starts and ends

    /** Starts an untagged response: {@code *}. */
    public ResponseWriter untagged() throws IOException {
        startLine();
        writeAscii("*");
        needSpace = true;
        return this;
    }

    /** Starts a tagged response with the command's tag. */
    public ResponseWriter tagged(String tag) throws IOException {
        if (!Grammar.isTag(tag)) throw new IllegalArgumentException("invalid tag: " + tag);
        startLine();
        writeAscii(tag);
        needSpace = true;
        return this;
    }

    /** A whole status response line (RFC 9051 §7.1). */
    public ResponseWriter status(StatusResponse response) throws IOException {
        startLine();
        writeUtf8(response.render());
        return end();
    }

    /** A whole continuation request line, {@code + text} (RFC 9051 §7.5). */
    public ResponseWriter continuation(String text) throws IOException {
        if (!Grammar.isText(text) || text.isEmpty()) throw new IllegalArgumentException("invalid continuation text");
        startLine();
        writeAscii("+ ");
        writeUtf8(text);
        return end();
    }

    /** A SASL challenge, {@code + base64} (RFC 9051 §6.2.2); an empty challenge is {@code + }. */
    public ResponseWriter challenge(byte[] data) throws IOException {
        startLine();
        writeAscii("+ ");
        writeAscii(Base64.getEncoder().encodeToString(data));
        return end();
    }

    /** Ends the line with CRLF. */
    public ResponseWriter end() throws IOException {
        if (!inLine) throw new IllegalStateException("no response line started");
        out.write(CRLF);
        inLine = false;
        needSpace = false;
        return this;
    }

    public void flush() throws IOException {
        out.flush();
    }

    // ------------------------------------------------------------------ tokens

    /**
     * A token written as is: an atom, or something the caller has composed, such as
     * {@code BODY[1.2]<0>}. Must not contain SP, CR or LF.
     */
    public ResponseWriter atom(String atom) throws IOException {
        if (atom.isEmpty()) throw new IllegalArgumentException("empty atom");
        for (int i = 0; i < atom.length(); i++) {
            char c = atom.charAt(i);
            if (c <= ' ' || c >= 0x7f) throw new IllegalArgumentException("invalid character in atom: " + atom);
        }
        space();
        writeAscii(atom);
        needSpace = true;
        return this;
    }

    /**
     * A composite token that may contain single spaces, such as the FETCH item name {@code
     * BODY[HEADER.FIELDS (DATE FROM)]<0>}: printable US-ASCII only.
     */
    public ResponseWriter token(String token) throws IOException {
        if (token.isEmpty() || token.startsWith(" ") || token.endsWith(" ")) {
            throw new IllegalArgumentException("invalid token: " + token);
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < ' ' || c >= 0x7f) throw new IllegalArgumentException("invalid character in token: " + token);
        }
        space();
        writeAscii(token);
        needSpace = true;
        return this;
    }

    public ResponseWriter number(long n) throws IOException {
        if (n < 0) throw new IllegalArgumentException("negative number: " + n);
        space();
        writeAscii(Long.toString(n));
        needSpace = true;
        return this;
    }

    public ResponseWriter nil() throws IOException {
        return atom("NIL");
    }

    /** {@code (}: no space follows. */
    public ResponseWriter openList() throws IOException {
        space();
        out.write('(');
        needSpace = false;
        return this;
    }

    /**
     * The next token follows without a space: RFC 9051 §9 writes some lists without separators,
     * e.g. the addresses of an ENVELOPE ({@code 1*address}) and the parts of a multipart BODY.
     */
    public ResponseWriter adjacent() {
        needSpace = false;
        return this;
    }

    public ResponseWriter closeList() throws IOException {
        checkLine();
        out.write(')');
        needSpace = true;
        return this;
    }

    /** {@code [CODE}, for response codes built by hand; close with {@link #closeCode()}. */
    public ResponseWriter openCode(String code) throws IOException {
        space();
        out.write('[');
        writeAscii(code);
        needSpace = true;
        return this;
    }

    public ResponseWriter closeCode() throws IOException {
        checkLine();
        out.write(']');
        needSpace = true;
        return this;
    }

    /** Human-readable text to the end of the line (resp-text). CR and LF become spaces. */
    public ResponseWriter text(String text) throws IOException {
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            clean.append(Grammar.isCtl(c) ? ' ' : c);
        }
        space();
        writeUtf8(clean.toString());
        needSpace = true;
        return this;
    }

    /** A string, quoted or literal (see the class comment). */
    public ResponseWriter string(String s) throws IOException {
        String clean = s.indexOf('\0') >= 0 ? s.replace('\0', '\uFFFD') : s;
        byte[] octets = clean.getBytes(StandardCharsets.UTF_8);
        if (quotable(clean, octets.length)) {
            space();
            out.write('"');
            for (int i = 0; i < octets.length; i++) {
                // UTF-8 continuation and lead octets are >= 0x80 and never '"' or '\\'
                if (octets[i] == '"' || octets[i] == '\\') out.write('\\');
                out.write(octets[i]);
            }
            out.write('"');
            needSpace = true;
            return this;
        }
        return literal(octets);
    }

    /** nstring: NIL for null, else {@link #string(String)}. */
    public ResponseWriter nstring(String s) throws IOException {
        return s == null ? nil() : string(s);
    }

    /** astring: a bare atom if it is one of ASTRING-CHARs (and not NIL), else a string. */
    public ResponseWriter astring(String s) throws IOException {
        if (Grammar.isAstringAtom(s) && !s.equalsIgnoreCase("NIL")) return atom(s);
        return string(s);
    }

    /** A mailbox name (Unicode), encoded for the wire and always quoted or literal, as Dovecot does. */
    public ResponseWriter mailbox(String name) throws IOException {
        return string(MailboxNameCodec.encode(name, utf8));
    }

    /** A literal {@code {n}} CRLF and the octets. */
    public ResponseWriter literal(byte[] octets) throws IOException {
        literalHeader(false, octets.length);
        out.write(octets);
        needSpace = true;
        return this;
    }

    /**
     * A literal of exactly {@code size} octets copied from {@code in} (message data straight from
     * the blob store), {@code ~{n}} for a literal8 (RFC 3516 §4.2: BINARY with NUL octets).
     *
     * @throws IOException also if {@code in} ends early
     */
    public ResponseWriter literal(long size, InputStream in, boolean binary) throws IOException {
        literalHeader(binary, size);
        byte[] buffer = new byte[(int) Math.min(size, 64 * 1024)];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) throw new IOException("literal source ended " + left + " octets early");
            out.write(buffer, 0, n);
            left -= n;
        }
        needSpace = true;
        return this;
    }

    /** A flag list: system flags, then the extra flags given (e.g. {@code \*}), then keywords. */
    public ResponseWriter flags(Flags flags, String... extra) throws IOException {
        openList();
        for (Flags.SystemFlag flag : Flags.SystemFlag.values()) {
            if (flags.has(flag)) atom(flag.wire());
        }
        for (String e : extra) atom(e);
        for (String keyword : flags.keywords()) atom(keyword);
        return closeList();
    }

    // ------------------------------------------------------------------ internals

    private boolean quotable(String s, int octets) {
        if (octets > MAX_QUOTED_OCTETS) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n') return false;
            if (c >= 0x80 && !utf8) return false;
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (!paired) return false;
                i++;
            }
        }
        return true;
    }

    private void literalHeader(boolean binary, long size) throws IOException {
        space();
        writeAscii((binary ? "~{" : "{") + size + "}");
        out.write(CRLF);
    }

    private void startLine() {
        if (inLine) throw new IllegalStateException("previous response line not ended");
        inLine = true;
        needSpace = false;
    }

    private void checkLine() {
        if (!inLine) throw new IllegalStateException("no response line started");
    }

    private void space() throws IOException {
        checkLine();
        if (needSpace) out.write(' ');
    }

    private void writeAscii(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.US_ASCII));
    }

    private void writeUtf8(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }
}
