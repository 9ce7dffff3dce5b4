package io.tenmail.storage.model;

/** RFC 6154 special-use attributes; new accounts get one mailbox for each but ALL and FLAGGED. */
public enum SpecialUse {
    ALL("\\All"), ARCHIVE("\\Archive"), DRAFTS("\\Drafts"), FLAGGED("\\Flagged"),
    JUNK("\\Junk"), SENT("\\Sent"), TRASH("\\Trash");

    private final String attribute;

    SpecialUse(String attribute) {
        this.attribute = attribute;
    }

    /** The IMAP attribute, e.g. {@code \Sent}. */
    public String attribute() {
        return attribute;
    }
}
