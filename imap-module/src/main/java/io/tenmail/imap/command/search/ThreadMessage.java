package io.tenmail.imap.command.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the threading algorithms of RFC 5256 §3 know of one message, taken from the parse stored at
 * delivery: never the message itself.
 *
 * @param number     what the THREAD response shows: the sequence number, or the UID for UID THREAD
 * @param seq        the message's position in the mailbox, the tie-breaker of every sort
 * @param messageId  the Message-ID without angle brackets, or null if it has none
 * @param references the parent chain, oldest first: the References, or else the first In-Reply-To id
 * @param subject    the base subject (§2.1)
 * @param sentDate   the sent date (§2.2)
 */
record ThreadMessage(long number, int seq, String messageId, List<String> references, BaseSubject subject, Instant sentDate) {

    ThreadMessage {
        references = List.copyOf(references);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(sentDate, "sentDate");
    }

    /** From raw header values: Message-ID, References, In-Reply-To (RFC 5256 §3 REFERENCES (1)). */
    static ThreadMessage of(long number, int seq, String messageId, String references, String inReplyTo,
                            String subject, Instant sentDate) {
        List<String> ids = msgIds(messageId);
        List<String> parents = msgIds(references);
        if (parents.isEmpty()) {
            List<String> replyTo = msgIds(inReplyTo);
            if (!replyTo.isEmpty()) parents = List.of(replyTo.get(0));
        }
        return new ThreadMessage(number, seq, ids.isEmpty() ? null : ids.get(0), parents, BaseSubject.of(subject), sentDate);
    }

    /** The msg-ids ({@code <left@right>}) of a header value, brackets and whitespace removed. */
    static List<String> msgIds(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) return out;
        int i = 0;
        while ((i = value.indexOf('<', i)) >= 0) {
            int end = value.indexOf('>', i + 1);
            if (end < 0) break;
            String id = value.substring(i + 1, end).replaceAll("\\s+", "");
            if (!id.isEmpty() && id.indexOf('<') < 0) out.add(id);
            i = end + 1;
        }
        return out;
    }
}
