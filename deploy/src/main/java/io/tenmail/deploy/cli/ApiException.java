package io.tenmail.deploy.cli;

/** The server refused a request (exit code 1); the message is the server's {@code error}. */
public class ApiException extends Exception {
    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status, e.g. 409 for "already exists". */
    public int status() {
        return status;
    }
}
