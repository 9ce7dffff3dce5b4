package io.tenmail.smtp.mailet;

import org.apache.mailet.Mailet;

import java.util.Set;

/**
 * The mailets whose work a pass replayed after a crash repeats harmlessly, so that the spooler may
 * remove the entry of such a pass a little later, together with others (ADR 0020): Tenmail's own
 * mailets ({@code io.tenmail.smtp.mailets}: local delivery carries a delivery key, ADR 0009; the
 * rest change the mail in memory or look things up), its spam checks ({@code io.tenmail.smtp.spam},
 * which only detect: docs/STYLE.md §5) and James's mailets that only change the mail in memory.
 * Mail a mailet queues (a DSN, a copy) is not covered here but by the spooler, which completes
 * a pass at once when anything was queued during it ({@link QueueWakeup#unleasedQueued()}).
 * Anything else, remote delivery above all (a replay would send the mail out again), and every
 * class this list does not know, makes the pass complete at once, as before.
 */
final class ReplaySafeMailets {
    private static final Set<String> PACKAGES = Set.of("io.tenmail.smtp.mailets.", "io.tenmail.smtp.spam.");
    private static final Set<String> JAMES_IN_MEMORY = Set.of(
            "org.apache.james.transport.mailets.ToProcessor",
            "org.apache.james.transport.mailets.SetMailAttribute",
            "org.apache.james.transport.mailets.RemoveMailAttribute",
            "org.apache.james.transport.mailets.SetMimeHeader",
            "org.apache.james.transport.mailets.AddHeader",
            "org.apache.james.transport.mailets.RemoveMimeHeader",
            "org.apache.james.transport.mailets.Null");

    private ReplaySafeMailets() {
    }

    static boolean contains(Mailet mailet) {
        String name = mailet.getClass().getName();
        if (JAMES_IN_MEMORY.contains(name)) return true;
        for (String p : PACKAGES) {
            if (name.startsWith(p)) return true;
        }
        return false;
    }
}
