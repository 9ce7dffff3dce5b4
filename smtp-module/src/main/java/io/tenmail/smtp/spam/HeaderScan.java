package io.tenmail.smtp.spam;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a message's header ends and which of its lines belong to a few named fields, found by one
 * pass over the octets instead of jakarta.mail's {@code InternetHeaders}, which reads a line an
 * octet at a time (in session 6's profile it was the larger part of GtubeCheck, DmarcCheck and the
 * stamp's cost). The answers must be those {@code InternetHeaders} would give, so the scan only
 * answers when that is certain and is otherwise {@linkplain Optional#empty() unsure} (the caller
 * then parses as before):
 * <ul>
 *   <li>every line ends in LF or CRLF: a CR that is not followed by LF (which jakarta.mail's line
 *       reader treats in ways of its own: CR alone, CR CR LF) makes the scan unsure;</li>
 *   <li>the header ends at the first empty line; without one in the octets given, unsure;</li>
 *   <li>the first line does not start with a space or tab (jakarta.mail turns such a line into a
 *       field of its own); else unsure.</li>
 * </ul>
 * {@link #linesOf} keeps each field whole (its first line and the continuation lines after it), so
 * a parse of only those lines gives the same values for those names as a parse of the whole
 * header. A field is kept when its name, the text before the first colon without surrounding
 * white space and control characters as {@code InternetHeaders} trims it, equals a wanted name
 * without regard to ASCII case, or when it has any non-ASCII octet (kept to be safe: the parse
 * that follows decides). Stateless; thread-safe.
 */
final class HeaderScan {
    /** Octets its callers read at once to find where the header ends: most headers fit. */
    static final int HEAD_READ = 16 * 1024;
    private static final byte CR = '\r';
    private static final byte LF = '\n';

    /** The offset of the body (just after the empty line), the header being {@code [0, bodyStart)}. */
    private final int bodyStart;

    private HeaderScan(int bodyStart) {
        this.bodyStart = bodyStart;
    }

    /** Scans {@code data[0, length)}, the start of a message; empty when unsure (see the class comment). */
    static Optional<HeaderScan> of(byte[] data, int length) {
        if (length > 0 && (data[0] == ' ' || data[0] == '\t')) return Optional.empty();
        int lineStart = 0;
        for (int i = 0; i < length; i++) {
            byte b = data[i];
            if (b == CR) {
                if (i + 1 >= length || data[i + 1] != LF) return Optional.empty();
                continue;
            }
            if (b != LF) continue;
            int contentEnd = i > lineStart && data[i - 1] == CR ? i - 1 : i;
            if (contentEnd == lineStart) return Optional.of(new HeaderScan(i + 1));
            lineStart = i + 1;
        }
        return Optional.empty();
    }

    /** Where the body starts: the offset just after the empty line that ends the header. */
    int bodyStart() {
        return bodyStart;
    }

    /**
     * The lines of the fields named {@code names} (lower case), each with its line ending, followed
     * by an empty line: a header of its own that a parser reads as it would read those fields in
     * the whole header. Only the empty line when there are none.
     */
    byte[] linesOf(byte[] data, Set<String> names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        boolean keeping = false;
        int lineStart = 0;
        int headerEnd = bodyStart;
        while (lineStart < headerEnd) {
            int lineEnd = lineStart;
            while (data[lineEnd] != LF) lineEnd++;
            int next = lineEnd + 1;
            int contentEnd = lineEnd > lineStart && data[lineEnd - 1] == CR ? lineEnd - 1 : lineEnd;
            if (contentEnd == lineStart) break;   // the empty line
            boolean continuation = data[lineStart] == ' ' || data[lineStart] == '\t';
            if (!continuation) keeping = wanted(data, lineStart, contentEnd, names);
            if (keeping) out.write(data, lineStart, next - lineStart);
            lineStart = next;
        }
        out.write(CR);
        out.write(LF);
        return out.toByteArray();
    }

    /** Whether the field whose first line is {@code data[start, end)} is named one of {@code names}, or may be. */
    private static boolean wanted(byte[] data, int start, int end, Set<String> names) {
        int nameEnd = start;
        while (nameEnd < end && data[nameEnd] != ':') nameEnd++;
        // String.trim(): characters up to U+0020 at either end
        int from = start;
        int to = nameEnd;
        while (from < to && (data[from] & 0xff) <= ' ') from++;
        while (to > from && (data[to - 1] & 0xff) <= ' ') to--;
        // the whole line, not only the name: a field whose name is split by a continuation line
        // keeps the rest of its name on the lines after it, where this scan does not look
        if (nameEnd == end) return true;
        StringBuilder name = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            int c = data[i] & 0xff;
            if (c >= 0x80) return true;
            name.append((char) c);
        }
        return names.contains(name.toString().toLowerCase(Locale.ROOT));
    }
}
