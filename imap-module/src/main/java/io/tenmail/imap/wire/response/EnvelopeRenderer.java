package io.tenmail.imap.wire.response;

import io.tenmail.storage.model.ParsedMessage;
import java.io.IOException;
import java.util.List;

/**
 * Writes the ENVELOPE of a message (RFC 9051 §7.5.2) from the raw header values of a
 * {@link ParsedMessage}:
 *
 * <pre>
 * ("date" "subject" (from) (sender) (reply-to) (to) (cc) (bcc) "in-reply-to" "message-id")
 * </pre>
 *
 * Strings are the header values as stored (unfolded, not decoded: encoded-words stay for the
 * client), stripped of surrounding white space; an absent header is NIL. Address headers are
 * parsed by {@link AddressParser}; an empty list is NIL. Sender and Reply-To default to From
 * when absent or empty (RFC 9051 §7.5.2: "the client is not expected to know how to do this").
 */
public final class EnvelopeRenderer {

    private EnvelopeRenderer() {
    }

    public static void write(ResponseWriter w, ParsedMessage m) throws IOException {
        List<EnvelopeAddress> from = AddressParser.parse(m.from());
        List<EnvelopeAddress> sender = AddressParser.parse(m.sender());
        List<EnvelopeAddress> replyTo = AddressParser.parse(m.replyTo());
        w.openList();
        w.nstring(strip(m.date()));
        w.nstring(strip(m.subject()));
        addresses(w, from);
        addresses(w, sender.isEmpty() ? from : sender);
        addresses(w, replyTo.isEmpty() ? from : replyTo);
        addresses(w, AddressParser.parse(m.to()));
        addresses(w, AddressParser.parse(m.cc()));
        addresses(w, AddressParser.parse(m.bcc()));
        w.nstring(strip(m.inReplyTo()));
        w.nstring(strip(m.messageId()));
        w.closeList();
    }

    /** "(" 1*address ")" / nil. */
    static void addresses(ResponseWriter w, List<EnvelopeAddress> list) throws IOException {
        if (list.isEmpty()) {
            w.nil();
            return;
        }
        w.openList();
        for (EnvelopeAddress a : list) {
            // RFC 9051 §9: env-from = "(" 1*address ")": addresses follow each other without SP
            w.adjacent().openList();
            w.nstring(a.name());
            w.nstring(a.adl());
            w.nstring(a.mailbox());
            w.nstring(a.host());
            w.closeList();
        }
        w.closeList();
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
