package io.tenmail.imap.wire.request;

import java.util.List;
import java.util.Locale;

/**
 * A body section (RFC 9051 §6.4.5 section-spec): a part path such as 1.2, then optionally HEADER,
 * HEADER.FIELDS (...), HEADER.FIELDS.NOT (...), TEXT, or (with a path only) MIME. The empty
 * section {@code []} is the whole message.
 *
 * @param part   part numbers, each at least 1; empty for the message itself
 * @param text   what of the part, or null for the whole part
 * @param fields header field names for HEADER.FIELDS[.NOT], as sent, in order
 */
public record Section(List<Integer> part, Text text, List<String> fields) {

    /** RFC 9051 §9 section-msgtext and section-text. */
    public enum Text {
        HEADER("HEADER"), HEADER_FIELDS("HEADER.FIELDS"), HEADER_FIELDS_NOT("HEADER.FIELDS.NOT"),
        TEXT("TEXT"), MIME("MIME");

        private final String wire;

        Text(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /** {@code []}: the whole message. */
    public static final Section WHOLE = new Section(List.of(), null, List.of());

    public Section {
        part = List.copyOf(part);
        fields = List.copyOf(fields);
        for (int n : part) if (n < 1) throw new IllegalArgumentException("part numbers start at 1");
        boolean needsFields = text == Text.HEADER_FIELDS || text == Text.HEADER_FIELDS_NOT;
        if (needsFields == fields.isEmpty()) throw new IllegalArgumentException("field names go with HEADER.FIELDS only");
        if (text == Text.MIME && part.isEmpty()) throw new IllegalArgumentException("MIME needs a part number");
    }

    /**
     * The section as the response names it, e.g. {@code 1.2.HEADER.FIELDS (FROM TO)}: field names
     * in upper case, as servers conventionally echo them (RFC 9051 §7.5.2 example).
     */
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (int n : part) {
            if (!sb.isEmpty()) sb.append('.');
            sb.append(n);
        }
        if (text != null) {
            if (!sb.isEmpty()) sb.append('.');
            sb.append(text.wire());
            if (!fields.isEmpty()) {
                sb.append(" (");
                for (int i = 0; i < fields.size(); i++) {
                    if (i > 0) sb.append(' ');
                    sb.append(fields.get(i).toUpperCase(Locale.ROOT));
                }
                sb.append(')');
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "[" + render() + "]";
    }

    /** Convenience for tests and callers: part path and text, no fields. */
    public static Section of(Text text, Integer... part) {
        return new Section(List.of(part), text, List.of());
    }
}
