package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.model.FlagUpdate;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.Flags.SystemFlag;

import java.util.EnumSet;
import java.util.TreeSet;

/**
 * RFC 9051 §6.4.6: the flags a message has after STORE FLAGS, +FLAGS or -FLAGS. Keywords compare
 * case-insensitively and keep the spelling the message already had, so that a STORE that only
 * changes the case of a keyword is no change (and takes no new MODSEQ).
 */
final class FlagUpdater {
    private FlagUpdater() {
    }

    static Flags apply(FlagUpdate mode, Flags current, Flags given) {
        EnumSet<SystemFlag> system = current.system().isEmpty() ? EnumSet.noneOf(SystemFlag.class) : EnumSet.copyOf(current.system());
        TreeSet<String> keywords = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        keywords.addAll(current.keywords());
        switch (mode) {
            case ADD -> {
                system.addAll(given.system());
                keywords.addAll(given.keywords());
            }
            case REMOVE -> {
                system.removeAll(given.system());
                for (String k : given.keywords()) keywords.remove(k);
            }
            case REPLACE -> {
                system.clear();
                system.addAll(given.system());
                keywords.retainAll(given.keywords());
                keywords.addAll(given.keywords());
            }
        }
        return new Flags(system, keywords);
    }
}
