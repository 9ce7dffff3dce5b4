package io.tenmail.imap.wire.request;

import java.util.Objects;

/** THREAD (RFC 5256 §3), algorithms ORDEREDSUBJECT and REFERENCES. */
public record ThreadRequest(String tag, boolean uid, Algorithm algorithm, SearchKey key) implements ImapRequest {

    /** RFC 5256 §3 thread-alg. */
    public enum Algorithm { ORDEREDSUBJECT, REFERENCES }

    public ThreadRequest {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(key, "key");
    }

    @Override
    public String name() {
        return uid ? "UID THREAD" : "THREAD";
    }
}
