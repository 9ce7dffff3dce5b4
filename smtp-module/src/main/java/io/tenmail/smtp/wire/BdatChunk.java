package io.tenmail.smtp.wire;

/**
 * The arguments of BDAT (RFC 3030 §2): {@code BDAT chunk-size [SP "LAST"]}.
 *
 * @param size the number of octets that follow the command line
 * @param last true if this chunk ends the message
 */
public record BdatChunk(long size, boolean last) {
    public BdatChunk {
        if (size < 0) throw new IllegalArgumentException("negative BDAT size");
    }
}
