package io.tenmail.smtp.mailet;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the matchers and mailets look up about a mail during one pass through the container (a
 * screen at the end of DATA, or a {@link MailetContainer#process} run), looked up once: the spam
 * policy of a recipient's domain is asked for by several matchers and mailets of the chain (each
 * {@code SpamCheckEnabled}, {@code DataVerdict}, {@code IsJunk}), and each asking was a database
 * transaction. The memo lives on the thread that runs the pass and is dropped when the pass ends,
 * so a change of policy counts from the next message on, and every step of one pass sees the same
 * answer. Outside a pass (a mailet called on its own, as in unit tests) nothing is remembered.
 */
public final class PassMemo {
    private static final ThreadLocal<Map<Object, Object>> CURRENT = new ThreadLocal<>();

    private PassMemo() {
    }

    /**
     * The value remembered under {@code key} in the current pass, else {@code lookup}'s (kept for
     * the rest of the pass). Keys are compared with equals: use a record of the lookup's kind and
     * arguments.
     */
    @SuppressWarnings("unchecked")
    public static <T> T remembered(Object key, Supplier<T> lookup) {
        Map<Object, Object> memo = CURRENT.get();
        if (memo == null) return lookup.get();
        Object known = memo.get(key);
        if (known != null) return (T) known;
        T value = lookup.get();
        if (value != null) memo.put(key, value);
        return value;
    }

    /** Opens a pass on this thread; a pass already open stays the one in force (closing the inner one does nothing). */
    static Pass open() {
        if (CURRENT.get() != null) return () -> { };
        CURRENT.set(new HashMap<>());
        return CURRENT::remove;
    }

    /** The end of a pass. */
    interface Pass extends AutoCloseable {
        @Override
        void close();
    }
}
