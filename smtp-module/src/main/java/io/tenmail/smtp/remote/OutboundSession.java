package io.tenmail.smtp.remote;

import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;

/**
 * A connection that is ready for mail transactions: greeted, EHLO (or HELO) done, TLS and AUTH as
 * the destination asked.
 *
 * @param connection   the connection
 * @param capabilities what the last EHLO offered (after STARTTLS, the second EHLO's)
 */
record OutboundSession(SmtpClientConnection connection, EhloCapabilities capabilities) implements Closeable {

    String host() {
        return connection.hop().hostName();
    }

    /** Says goodbye politely (RFC 5321 §4.1.1.10) and closes; a failing QUIT changes nothing for the mail. */
    void quit(SmtpTimeouts timeouts) {
        try {
            connection.command("QUIT", timeouts.command());
        } catch (IOException e) {
            // the mail's fate was decided before QUIT; a server that hangs up first is common
            LoggerFactory.getLogger(OutboundSession.class).debug("QUIT to {} failed: {}", host(), e.toString());
        } finally {
            connection.close();
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
