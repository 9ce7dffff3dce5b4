package io.tenmail.protocol.sasl;

/**
 * A client's SASL response is malformed (bad base64, wrong structure, empty user name). The
 * message says what is wrong without repeating the response, which may contain a password.
 * Protocols answer it with their "invalid response" reply (SMTP 501 5.5.2, IMAP BAD).
 */
public class SaslResponseException extends Exception {

    public SaslResponseException(String message) {
        super(message);
    }
}
