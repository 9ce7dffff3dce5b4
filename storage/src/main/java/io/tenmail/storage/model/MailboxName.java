package io.tenmail.storage.model;

/**
 * A hierarchical mailbox name in Unicode with '/' as the hierarchy delimiter ("Projects/2026").
 * INBOX is case-insensitive (RFC 9051 §5.1) and always spelled "INBOX" here. Protocols translate
 * to and from their wire forms (modified UTF-7 or UTF-8).
 */
public record MailboxName(String path) {
    public static final char DELIMITER = '/';
    public static final int MAX_LENGTH = 1000;
    public static final MailboxName INBOX = new MailboxName("INBOX");

    public MailboxName {
        if (path == null || path.isEmpty() || path.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("invalid mailbox name: " + path);
        }
        if (path.charAt(0) == DELIMITER || path.charAt(path.length() - 1) == DELIMITER || path.contains("//")) {
            throw new IllegalArgumentException("empty hierarchy level in mailbox name: " + path);
        }
        for (int i = 0; i < path.length(); i++) {
            if (Character.isISOControl(path.charAt(i))) throw new IllegalArgumentException("control character in mailbox name");
        }
        if (path.equalsIgnoreCase("INBOX")) path = "INBOX";
        else if (path.regionMatches(true, 0, "INBOX/", 0, 6)) path = "INBOX" + path.substring(5);
    }

    public boolean isInbox() {
        return path.equals("INBOX");
    }

    /** The parent level, or null at the top. */
    public MailboxName parent() {
        int i = path.lastIndexOf(DELIMITER);
        return i < 0 ? null : new MailboxName(path.substring(0, i));
    }

    @Override
    public String toString() {
        return path;
    }
}
