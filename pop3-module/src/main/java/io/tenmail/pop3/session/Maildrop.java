package io.tenmail.pop3.session;

import io.tenmail.storage.model.BlobId;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.Uid;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The maildrop as one session sees it, RFC 1939 §5: the messages present at login, numbered from 1
 * in that order, and the deletion marks. Numbers never change during the session, marked messages
 * keep theirs, and nothing here touches the store: QUIT hands {@link #deletions()} to it.
 * Not thread-safe; owned by one session.
 */
public final class Maildrop {

    /**
     * One message of the maildrop.
     *
     * @param number   its message number, 1-based
     * @param size     octets as stored (CRLF line ends): what LIST and STAT report
     * @param uniqueId its UIDL value
     */
    public record Message(int number, MailboxId mailbox, Uid uid, long size, BlobId blob, String uniqueId) {
        public Message {
            if (number < 1) throw new IllegalArgumentException("message numbers start at 1");
            Objects.requireNonNull(mailbox, "mailbox");
            Objects.requireNonNull(uid, "uid");
            Objects.requireNonNull(blob, "blob");
            Objects.requireNonNull(uniqueId, "uniqueId");
            if (size < 0) throw new IllegalArgumentException("size must be >= 0");
        }
    }

    private final List<Message> messages;
    private final BitSet deleted = new BitSet();

    public Maildrop(List<Message> messages) {
        this.messages = List.copyOf(messages);
        for (int i = 0; i < this.messages.size(); i++) {
            if (this.messages.get(i).number() != i + 1) throw new IllegalArgumentException("messages must be numbered 1..n in order");
        }
    }

    /** The messages not marked deleted, by number. */
    public List<Message> visible() {
        List<Message> visible = new ArrayList<>(messages.size() - deleted.cardinality());
        for (Message m : messages) if (!deleted.get(m.number())) visible.add(m);
        return visible;
    }

    /** The message with this number, unless there is none or it is marked deleted. */
    public Optional<Message> visible(long number) {
        if (number < 1 || number > messages.size() || deleted.get((int) number)) return Optional.empty();
        return Optional.of(messages.get((int) number - 1));
    }

    /** Whether {@code number} names a message that is marked deleted. */
    public boolean isMarkedDeleted(long number) {
        return number >= 1 && number <= messages.size() && deleted.get((int) number);
    }

    /** Marks a visible message; false when there is no such message or it is marked already. */
    public boolean markDeleted(long number) {
        if (visible(number).isEmpty()) return false;
        deleted.set((int) number);
        return true;
    }

    /** RSET: unmarks every message. */
    public void unmarkAll() {
        deleted.clear();
    }

    public int visibleCount() {
        return messages.size() - deleted.cardinality();
    }

    public long visibleOctets() {
        long octets = 0;
        for (Message m : messages) if (!deleted.get(m.number())) octets += m.size();
        return octets;
    }

    public int markedCount() {
        return deleted.cardinality();
    }

    /** The marked messages' UIDs per mailbox, in message order: what QUIT removes. */
    public Map<MailboxId, List<Uid>> deletions() {
        Map<MailboxId, List<Uid>> byMailbox = new LinkedHashMap<>();
        for (int n = deleted.nextSetBit(1); n >= 0; n = deleted.nextSetBit(n + 1)) {
            Message m = messages.get(n - 1);
            byMailbox.computeIfAbsent(m.mailbox(), k -> new ArrayList<>()).add(m.uid());
        }
        return byMailbox;
    }
}
