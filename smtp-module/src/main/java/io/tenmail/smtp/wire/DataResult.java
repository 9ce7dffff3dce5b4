package io.tenmail.smtp.wire;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link DataReader} or {@link BdatReader} saw of one message. The reader always consumes
 * the whole message so that the session stays in sync; the outcome says whether what reached the
 * sink is the complete, valid message.
 *
 * @param outcome {@link Outcome#OK} only if every octet reached the sink
 * @param octets the message size as stored (after dot-unstuffing), counted to the end even past
 *     the limit
 * @param eightBit true if any octet had the high bit set (for BODY=7BIT checks, RFC 6152)
 * @param bareLineEndings the number of bare CRs and LFs in DATA (always 0 for BDAT)
 * @param failure the sink's exception when the outcome is {@link Outcome#SINK_FAILED}
 */
public record DataResult(Outcome outcome, long octets, boolean eightBit, long bareLineEndings,
                         Optional<IOException> failure) {

    /**
     * How the message ended; when several apply, the first in this order is reported, because a
     * permanent refusal is more useful to the client than a temporary one.
     */
    public enum Outcome {
        /** Complete and within the limit: the session may queue it and answer 250. */
        OK,
        /** Over the size limit: answer {@link Replies#MESSAGE_TOO_BIG} (552 5.3.4). */
        TOO_BIG,
        /** A bare CR or LF under the REJECT policy: answer {@link Replies#BARE_LINE_ENDING}. */
        BARE_LINE_ENDING,
        /** The sink threw: answer {@link Replies#TEMPORARY_FAILURE} (451 4.3.0), log the cause. */
        SINK_FAILED
    }

    public DataResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(failure, "failure");
        if (outcome == Outcome.SINK_FAILED && failure.isEmpty()) throw new IllegalArgumentException("SINK_FAILED without a failure");
        if (outcome == Outcome.OK && failure.isPresent()) throw new IllegalArgumentException("OK with a failure");
    }

    public boolean isOk() {
        return outcome == Outcome.OK;
    }
}
