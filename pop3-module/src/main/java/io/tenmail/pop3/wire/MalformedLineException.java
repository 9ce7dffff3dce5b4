package io.tenmail.pop3.wire;

/**
 * A command line the grammar refuses. The message says why in words fit for the client's
 * {@code -ERR} reply, and never repeats the line (it may carry a password).
 */
public class MalformedLineException extends Exception {

    public MalformedLineException(String message) {
        super(message);
    }
}
