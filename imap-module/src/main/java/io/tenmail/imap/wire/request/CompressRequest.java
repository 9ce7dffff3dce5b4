package io.tenmail.imap.wire.request;

import java.util.Objects;

/**
 * COMPRESS (RFC 4978 §3): the algorithm in upper case. Only DEFLATE is defined; the command
 * layer answers anything else.
 */
public record CompressRequest(String tag, String algorithm) implements ImapRequest {

    public CompressRequest {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(algorithm, "algorithm");
    }

    @Override
    public String name() {
        return "COMPRESS";
    }
}
