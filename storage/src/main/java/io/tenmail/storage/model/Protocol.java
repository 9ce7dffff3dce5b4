package io.tenmail.storage.model;

/** The client protocols an account or an app password can be switched on for. */
public enum Protocol {
    SMTP, IMAP, POP3
}
