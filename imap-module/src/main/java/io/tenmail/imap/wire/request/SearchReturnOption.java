package io.tenmail.imap.wire.request;

/** Return options of ESEARCH (RFC 4731 §3.1) and SEARCHRES (RFC 5182 §2.1). */
public enum SearchReturnOption {
    MIN, MAX, ALL, COUNT,
    /** RFC 5182: keep the result for {@code $}. */
    SAVE
}
