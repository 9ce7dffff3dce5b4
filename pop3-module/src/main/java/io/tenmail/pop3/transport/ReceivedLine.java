package io.tenmail.pop3.transport;

import io.tenmail.pop3.wire.InputLine;

/**
 * A line as the {@link Pop3LineFilter} hands it to the executor: with the TLS epoch it was read
 * in, so that lines read in plain text before STLS took effect can be recognised and dropped.
 */
record ReceivedLine(InputLine line, long epoch) {
}
