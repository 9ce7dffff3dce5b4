package io.tenmail.smtp.wire;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Passes a message through to a sink unchanged while noting which of some header fields its header
 * section contains: RFC 5322 §2.2, a field is a name of printable ASCII other than ":" at the start
 * of a line, then ":" (RFC 5322 §4.5.3 also allows white space before the colon); a line starting
 * with white space continues the previous field; the section ends at the first empty line, or at
 * the first line that is not a field at all. Submission uses it to add Message-ID and Date only
 * when they are missing (RFC 6409 §8.2, §8.3).
 *
 * <p>Memory is bounded: only a field name's first 76 octets are kept (RFC 5322 §2.1.1: lines of 78).
 * Not thread-safe.
 */
public final class HeaderFieldScanner extends FilterOutputStream {

    private static final int MAX_NAME = 76;

    private enum State { LINE_START, CR_AT_LINE_START, NAME, SPACE_BEFORE_COLON, REST_OF_LINE, DONE }

    private final Set<String> wanted;
    private final Set<String> found = new HashSet<>();
    private final StringBuilder name = new StringBuilder();
    private State state = State.LINE_START;

    /**
     * @param sink   receives every octet as written
     * @param fields the field names to look for, in any case
     */
    public HeaderFieldScanner(OutputStream sink, Set<String> fields) {
        super(Objects.requireNonNull(sink, "sink"));
        Set<String> lower = new HashSet<>();
        for (String f : fields) lower.add(f.toLowerCase(Locale.ROOT));
        this.wanted = Set.copyOf(lower);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        scan((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        out.write(b, off, len);
        for (int i = off; i < off + len && state != State.DONE; i++) scan(b[i]);
    }

    /** Whether the header section had this field (one of those asked for), in any case. */
    public boolean has(String field) {
        return found.contains(field.toLowerCase(Locale.ROOT));
    }

    /** True once the end of the header section has been seen. */
    public boolean headerComplete() {
        return state == State.DONE;
    }

    private void scan(byte b) {
        switch (state) {
            case LINE_START -> {
                if (b == '\r') {
                    state = State.CR_AT_LINE_START;
                } else if (b == '\n') {
                    state = State.DONE;
                } else if (b == ' ' || b == '\t') {
                    state = State.REST_OF_LINE;   // folded continuation of the previous field
                } else if (b > 32 && b < 127 && b != ':') {
                    name.setLength(0);
                    name.append((char) b);
                    state = State.NAME;
                } else {
                    state = State.DONE;   // not a field: the body has begun
                }
            }
            case CR_AT_LINE_START -> state = b == '\n' ? State.DONE : State.REST_OF_LINE;
            case NAME -> {
                if (b == ':') {
                    fieldName();
                } else if (b == ' ' || b == '\t') {
                    state = State.SPACE_BEFORE_COLON;
                } else if (b > 32 && b < 127) {
                    if (name.length() < MAX_NAME) name.append((char) b);
                } else {
                    state = State.DONE;
                }
            }
            case SPACE_BEFORE_COLON -> {
                if (b == ':') fieldName();
                else if (b != ' ' && b != '\t') state = State.DONE;
            }
            case REST_OF_LINE -> {
                if (b == '\n') state = State.LINE_START;
            }
            case DONE -> {
                // the body: nothing more to learn
            }
        }
    }

    private void fieldName() {
        String lower = name.toString().toLowerCase(Locale.ROOT);
        if (wanted.contains(lower)) found.add(lower);
        state = State.REST_OF_LINE;
    }
}
