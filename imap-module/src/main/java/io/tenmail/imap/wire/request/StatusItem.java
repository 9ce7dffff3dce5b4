package io.tenmail.imap.wire.request;

import java.util.Locale;
import java.util.Optional;

/** A STATUS data item (RFC 9051 §6.3.11) or one added by an extension. */
public enum StatusItem {
    /** RFC 9051 §6.3.11. */
    MESSAGES,
    /** RFC 3501 §6.3.10 (IMAP4rev1 only). */
    RECENT,
    /** RFC 9051 §6.3.11. */
    UIDNEXT,
    /** RFC 9051 §6.3.11. */
    UIDVALIDITY,
    /** RFC 9051 §6.3.11. */
    UNSEEN,
    /** RFC 9051 §6.3.11. */
    DELETED,
    /** RFC 9051 §6.3.11, RFC 8438 (STATUS=SIZE). */
    SIZE,
    /** RFC 7162 §3.1.6 (CONDSTORE). */
    HIGHESTMODSEQ,
    /** RFC 7889 §4 (APPENDLIMIT). */
    APPENDLIMIT,
    /** RFC 9208 §4.2 (QUOTA): storage used by \Deleted messages. */
    DELETED_STORAGE;

    private final String wire = name().replace('_', '-');

    public String wire() {
        return wire;
    }

    /** Case-insensitive look-up of a wire name. */
    public static Optional<StatusItem> lookup(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (StatusItem item : values()) {
            if (item.wire.equals(upper)) return Optional.of(item);
        }
        return Optional.empty();
    }
}
