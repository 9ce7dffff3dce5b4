package io.tenmail.smtp.mailet.testmailets;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** What the test mailets saw, and the switch that makes {@link FailWhileSwitchedOn} throw. Thread-safe. */
public final class Recorder {
    /** One mail handed to the outbox. */
    public record Sent(String sender, List<String> recipients, byte[] message) {
    }

    public final List<Sent> outbox = new CopyOnWriteArrayList<>();
    public final AtomicBoolean failing = new AtomicBoolean(true);
    /** Mail name → the values of tenmail.queue.attempts seen by {@link RecordAttempts}, in order. */
    public final Map<String, List<Integer>> attempts = new ConcurrentHashMap<>();

    void sent(Sent sent) {
        outbox.add(sent);
    }
}
