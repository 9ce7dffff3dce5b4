package io.tenmail.imap.wire.response;

/**
 * One element of an ENVELOPE address list (RFC 9051 §7.5.2):
 * {@code (addr-name addr-adl addr-mailbox addr-host)}, each an nstring. A group is a start marker
 * (host NIL, mailbox = the group's display name), its members, and an end marker (all NIL).
 *
 * @param name    the display name (phrase), encoded-words kept as sent; null if none
 * @param adl     the obsolete source route, e.g. {@code @a.test,@b.test}; null if none
 * @param mailbox the local part; for a group start the group name; null for a group end
 * @param host    the domain; null only for group markers
 */
public record EnvelopeAddress(String name, String adl, String mailbox, String host) {

    /** RFC 9051 §7.5.2 "group syntax": every element NIL. */
    public static final EnvelopeAddress GROUP_END = new EnvelopeAddress(null, null, null, null);

    /** Placeholders for parts missing from a broken address, as Dovecot sends them. */
    public static final String MISSING_MAILBOX = "MISSING_MAILBOX";
    public static final String MISSING_DOMAIN = "MISSING_DOMAIN";

    public static EnvelopeAddress groupStart(String groupName) {
        return new EnvelopeAddress(null, null, groupName, null);
    }

    public boolean isGroupStart() {
        return host == null && mailbox != null;
    }

    public boolean isGroupEnd() {
        return host == null && mailbox == null;
    }
}
