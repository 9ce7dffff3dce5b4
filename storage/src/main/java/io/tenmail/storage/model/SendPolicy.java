package io.tenmail.storage.model;

/** Who may send mail to a group mailbox. */
public enum SendPolicy {
    /** anyone, including senders on the internet */
    ANYONE,
    /** only the group's own members */
    MEMBERS,
    /** any sender whose address is in the group's domain */
    SAME_DOMAIN
}
