package io.tenmail.smtp.policy;

import io.tenmail.smtp.wire.Reply;
import io.tenmail.storage.model.BlobId;
import io.tenmail.storage.model.EmailAddress;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Judges a message at the end of DATA or BDAT, after its blob is stored and before the queue
 * commit is answered (docs/adr/0015-spam-verdicts-at-data.md): it may refuse the message (550
 * 5.7.1 spam or blocked sender, 451 4.7.1 greylisted) so that no 250 is given and no bounce is
 * ever sent for it, or accept it with attributes to keep on the queue entry (the checks' results,
 * so that the queue's processing does not repeat them). Runs on the session's worker thread, never
 * on an I/O thread: it may query DNS and the database. Must not throw: a screen that cannot judge
 * accepts.
 */
@FunctionalInterface
public interface MessageScreen {

    /** Accepts everything, adding nothing: submission, and servers without a screen. */
    MessageScreen ACCEPT_ALL = message -> Screening.accept(Map.of());

    Screening screen(Message message);

    /**
     * One message as SMTP accepted it.
     *
     * @param blob       the stored message with its trace headers; deleted by SMTP when refused
     * @param attributes the queue attributes SMTP set (client address, HELO, authentication ...)
     */
    record Message(String transaction, Optional<EmailAddress> sender, List<EmailAddress> recipients, BlobId blob, long size,
                   Map<String, String> attributes) {
        public Message {
            Objects.requireNonNull(transaction, "transaction");
            Objects.requireNonNull(sender, "sender");
            recipients = List.copyOf(recipients);
            Objects.requireNonNull(blob, "blob");
            attributes = Map.copyOf(attributes);
        }
    }

    /** Accept with attributes for the queue entry, or refuse with a 4xx/5xx reply. */
    sealed interface Screening {
        record Accept(Map<String, String> attributes) implements Screening {
            public Accept {
                attributes = Map.copyOf(attributes);
            }
        }

        record Refuse(Reply reply, String reason) implements Screening {
            public Refuse {
                Objects.requireNonNull(reply, "reply");
                if (reply.isPositive() || reply.code() < 400) throw new IllegalArgumentException("a refusal needs a 4xx or 5xx reply: " + reply);
                Objects.requireNonNull(reason, "reason");
            }
        }

        static Screening accept(Map<String, String> attributes) {
            return new Accept(attributes);
        }

        static Screening refuse(Reply reply, String reason) {
            return new Refuse(reply, reason);
        }
    }
}
