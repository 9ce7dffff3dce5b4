package io.tenmail.smtp.session;

import java.nio.ByteBuffer;

/**
 * Where the bytes after a command go until that command is complete, instead of to the command
 * parser: DATA's message, a BDAT chunk, the SASL responses of AUTH. Installed by the command with
 * {@link SmtpSession#expect}; it replies itself when it is done. What it reads is never traced:
 * it is message content or SASL responses.
 */
public interface PendingInput {

    /**
     * Consumes what belongs to the command from {@code in}, leaving the position just after it.
     *
     * @return true when the command is complete and the session reads commands again
     */
    boolean consume(SmtpSession session, ByteBuffer in);
}
