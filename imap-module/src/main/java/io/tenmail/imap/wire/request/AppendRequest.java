package io.tenmail.imap.wire.request;

import io.tenmail.imap.wire.Literal;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.MailboxName;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * APPEND (RFC 9051 §6.3.12) of one or more messages (MULTIAPPEND, RFC 3502), each a literal, a
 * literal8 (BINARY, RFC 3516 §4.2) or {@code UTF8 (~{n})} (RFC 6855 §4). The message literals may be
 * spooled: release them ({@link Message#content()}) when done.
 */
public record AppendRequest(String tag, MailboxName mailbox, List<Message> messages) implements ImapRequest {

    /**
     * One message.
     *
     * @param flags        flags to set, {@link Flags#NONE} if no flag list was given
     * @param internalDate the date-time argument, if given
     * @param content      the message octets; {@code content().binary()} for a literal8
     * @param utf8         sent as {@code UTF8 (literal8)}: the message may carry UTF-8 headers
     */
    public record Message(Flags flags, Optional<OffsetDateTime> internalDate, Literal content, boolean utf8) {
        public Message {
            Objects.requireNonNull(flags, "flags");
            Objects.requireNonNull(internalDate, "internalDate");
            Objects.requireNonNull(content, "content");
        }
    }

    public AppendRequest {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(mailbox, "mailbox");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) throw new IllegalArgumentException("APPEND needs a message");
    }

    @Override
    public String name() {
        return "APPEND";
    }
}
