package io.tenmail.smtp.mailet;

import org.apache.james.core.MailAddress;
import org.apache.mailet.DsnParameters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What became of one queue entry's mail (and the mails it was split into) after a pass through
 * the processors. Recipients that appear in neither list are done: delivered, reported as failed,
 * or ghosted by a mailet. Not thread-safe: one pass fills it.
 */
public final class ProcessingResult {

    /** Recipients a mailet wants tried again at {@code next}, resuming in {@code processor}. */
    public record Deferral(String processor, Instant next, Optional<String> error, List<MailAddress> recipients,
                           Optional<DsnParameters> dsn) {
        public Deferral {
            recipients = List.copyOf(recipients);
        }
    }

    /** Recipients whose mail goes to the error repository, and why. */
    public record Parked(String reason, List<MailAddress> recipients, Optional<DsnParameters> dsn) {
        public Parked {
            recipients = List.copyOf(recipients);
        }
    }

    private final List<Deferral> deferrals = new ArrayList<>();
    private final List<Parked> parked = new ArrayList<>();
    private boolean effects;

    void defer(Deferral deferral) {
        deferrals.add(deferral);
    }

    void park(Parked p) {
        parked.add(p);
    }

    /** A mailet ran whose work a replayed pass would not repeat harmlessly ({@link ReplaySafeMailets}). */
    void ranMailetWithEffects() {
        effects = true;
    }

    /**
     * Whether running this pass again (after a crash before its entry was removed) would do nothing
     * twice, as far as the mailets that ran tell: only mailets of {@link ReplaySafeMailets} ran.
     */
    public boolean replaySafe() {
        return !effects;
    }

    public List<Deferral> deferrals() {
        return List.copyOf(deferrals);
    }

    public List<Parked> parked() {
        return List.copyOf(parked);
    }

    /** Every recipient is done: the entry can be removed. */
    public boolean isComplete() {
        return deferrals.isEmpty() && parked.isEmpty();
    }
}
