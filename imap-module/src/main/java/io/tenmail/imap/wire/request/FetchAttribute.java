package io.tenmail.imap.wire.request;

import java.util.List;
import java.util.Objects;

/**
 * A FETCH data item (RFC 9051 §6.4.5, RFC 3501 §6.4.5 for the RFC822 forms, RFC 3516 §4.2 for
 * BINARY, RFC 7162 §3.1.4.1 for MODSEQ). The macros ALL, FAST and FULL are expanded by the parser.
 */
public sealed interface FetchAttribute {

    /**
     * The item's name in a FETCH response (RFC 9051 §7.5.2): {@code .PEEK} dropped, a partial
     * named by its origin only, e.g. {@code BODY[HEADER.FIELDS (DATE FROM)]} or {@code BODY[]<0>}.
     */
    String responseName();

    /** Items without arguments. */
    enum Simple implements FetchAttribute {
        ENVELOPE("ENVELOPE"), FLAGS("FLAGS"), INTERNALDATE("INTERNALDATE"), RFC822("RFC822"),
        RFC822_HEADER("RFC822.HEADER"), RFC822_SIZE("RFC822.SIZE"), RFC822_TEXT("RFC822.TEXT"),
        /** BODY without a section: the non-extensible BODYSTRUCTURE. */
        BODY("BODY"), BODYSTRUCTURE("BODYSTRUCTURE"), UID("UID"), MODSEQ("MODSEQ");

        private final String wire;

        Simple(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        @Override
        public String responseName() {
            return wire;
        }
    }

    /** BODY[section]&lt;partial&gt; and BODY.PEEK[...]. */
    record Body(Section section, boolean peek, Partial partial) implements FetchAttribute {
        public Body {
            Objects.requireNonNull(section, "section");
        }

        @Override
        public String responseName() {
            return "BODY[" + section.render() + "]" + origin(partial);
        }
    }

    /** BINARY[part]&lt;partial&gt; and BINARY.PEEK[...] (RFC 3516 §4.2): decoded content. */
    record Binary(List<Integer> part, boolean peek, Partial partial) implements FetchAttribute {
        public Binary {
            part = List.copyOf(part);
        }

        @Override
        public String responseName() {
            return "BINARY[" + path(part) + "]" + origin(partial);
        }
    }

    /** BINARY.SIZE[part] (RFC 3516 §4.2). */
    record BinarySize(List<Integer> part) implements FetchAttribute {
        public BinarySize {
            part = List.copyOf(part);
        }

        @Override
        public String responseName() {
            return "BINARY.SIZE[" + path(part) + "]";
        }
    }

    /** ALL = FLAGS INTERNALDATE RFC822.SIZE ENVELOPE (RFC 9051 §6.4.5). */
    List<FetchAttribute> ALL = List.of(Simple.FLAGS, Simple.INTERNALDATE, Simple.RFC822_SIZE, Simple.ENVELOPE);
    /** FAST = FLAGS INTERNALDATE RFC822.SIZE. */
    List<FetchAttribute> FAST = List.of(Simple.FLAGS, Simple.INTERNALDATE, Simple.RFC822_SIZE);
    /** FULL = FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODY. */
    List<FetchAttribute> FULL = List.of(Simple.FLAGS, Simple.INTERNALDATE, Simple.RFC822_SIZE, Simple.ENVELOPE, Simple.BODY);

    private static String origin(Partial partial) {
        return partial == null ? "" : "<" + partial.origin() + ">";
    }

    private static String path(List<Integer> part) {
        StringBuilder sb = new StringBuilder();
        for (int n : part) {
            if (!sb.isEmpty()) sb.append('.');
            sb.append(n);
        }
        return sb.toString();
    }
}
