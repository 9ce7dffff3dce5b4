package io.tenmail.protocol.tls;

/**
 * The TLS identity could not be loaded or created. The message names the configuration key or
 * file involved and is meant to be shown to the operator as it is.
 */
public class TlsSetupException extends Exception {

    public TlsSetupException(String message) {
        super(message);
    }

    public TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
