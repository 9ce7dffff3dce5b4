package io.tenmail.deploy;

/**
 * The server cannot start for a reason the operator can fix (a module missing from the
 * distribution, the database unreachable). The message is the one line to log.
 */
public class StartupException extends Exception {

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
