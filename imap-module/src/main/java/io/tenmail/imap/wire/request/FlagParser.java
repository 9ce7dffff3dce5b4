package io.tenmail.imap.wire.request;

import io.tenmail.imap.wire.ImapSyntaxException;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.Flags.SystemFlag;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Flags as APPEND and STORE take them (RFC 9051 §9 flag, flag-list): the five system flags in any
 * case and keywords (atoms up to {@value Flags#MAX_KEYWORD_LENGTH} characters). {@code \Recent}
 * and {@code \*} cannot be set, and other {@code \}-flags are unknown to this server: BAD.
 */
final class FlagParser {

    private FlagParser() {
    }

    /** flag-list = "(" [flag *(SP flag)] ")". */
    static Flags list(ArgumentReader r) throws ImapSyntaxException {
        r.expect('(');
        FlagCollector flags = new FlagCollector();
        if (!r.tryConsume(')')) {
            do {
                flags.add(r);
            } while (r.trySp());
            r.expect(')');
        }
        return flags.build(r);
    }

    /** flag *(SP flag), the unparenthesised form STORE allows. */
    static Flags inline(ArgumentReader r) throws ImapSyntaxException {
        FlagCollector flags = new FlagCollector();
        do {
            flags.add(r);
        } while (r.trySp());
        return flags.build(r);
    }

    /** Reads flags (RFC 9051 §9 flag) into a {@link Flags}. */
    private static final class FlagCollector {
        private final Set<SystemFlag> system = EnumSet.noneOf(SystemFlag.class);
        private final Set<String> keywords = new HashSet<>();

        void add(ArgumentReader r) throws ImapSyntaxException {
            if (r.tryConsume('\\')) {
                if (r.peek() == '*') throw r.error("\\* is not a flag");
                String name = r.atom("flag name");
                String upper = name.toUpperCase(Locale.ROOT);
                if (upper.equals("RECENT")) throw r.error("\\Recent cannot be set by a client");
                for (SystemFlag flag : SystemFlag.values()) {
                    if (flag.name().equals(upper)) {
                        system.add(flag);
                        return;
                    }
                }
                throw r.error("Unknown system flag \\" + name);
            }
            String keyword = r.atom("flag");
            if (keyword.length() > Flags.MAX_KEYWORD_LENGTH) throw r.error("Keyword longer than " + Flags.MAX_KEYWORD_LENGTH + " characters");
            keywords.add(keyword);
        }

        Flags build(ArgumentReader r) {
            return new Flags(system, keywords);
        }
    }
}
