package io.tenmail.deploy.cli;

/**
 * The server cannot be reached or has never been started (no admin token yet) — exit code 3. The
 * message says what to do about it.
 */
public class UnreachableException extends Exception {

    public UnreachableException(String message) {
        super(message);
    }
}
