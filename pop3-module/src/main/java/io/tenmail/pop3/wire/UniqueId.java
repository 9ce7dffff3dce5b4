package io.tenmail.pop3.wire;

/**
 * A message's UIDL value, RFC 1939 §7: 1 to 70 characters in 0x21-0x7E, the same for the same
 * message in every session, and never given to another message of the maildrop.
 *
 * <p>We use {@code <UIDVALIDITY>.<UID>} of the message in its IMAP mailbox, e.g.
 * {@code 1767225600.42} (at most 21 characters). IMAP never reuses a UID under one UIDVALIDITY
 * (RFC 9051 §2.3.1.1), so the value is stable for as long as the message stays in the mailbox,
 * and a client that uses POP3 and IMAP sees the same identity in both. UIDVALIDITY values are
 * unique among one account's mailboxes, so INBOX and Junk never share a value either.
 */
public final class UniqueId {
    public static final int MAX_LENGTH = 70;

    private UniqueId() {
    }

    public static String of(long uidValidity, long uid) {
        if (uidValidity < 1 || uid < 1) throw new IllegalArgumentException("UIDVALIDITY and UID are positive");
        return uidValidity + "." + uid;
    }

    /** Whether {@code value} is a valid RFC 1939 unique-id. */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) return false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) return false;
        }
        return true;
    }
}
