package io.tenmail.storage.model;

/** RFC 9051 §6.4.6: how STORE combines the given flags with a message's flags. */
public enum FlagUpdate {
    REPLACE, ADD, REMOVE
}
