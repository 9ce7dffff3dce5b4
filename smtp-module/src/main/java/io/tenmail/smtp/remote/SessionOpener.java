package io.tenmail.smtp.remote;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Opens an {@link OutboundSession} to one next hop: connect (implicit TLS if asked), greeting
 * (RFC 5321 §3.1), EHLO with HELO fallback (§4.1.1.1, §3.2), STARTTLS per the {@link TlsPolicy}
 * (RFC 3207) followed by a fresh EHLO, then AUTH PLAIN or LOGIN with the destination's credentials
 * (RFC 4954), only ever over TLS. Thread-safe.
 */
final class SessionOpener {
    private final String heloName;
    private final SmtpTimeouts timeouts;
    private final ClientTls tls;
    private final ScheduledExecutorService watchdog;

    SessionOpener(String heloName, SmtpTimeouts timeouts, ClientTls tls, ScheduledExecutorService watchdog) {
        this.heloName = heloName;
        this.timeouts = timeouts;
        this.tls = tls;
        this.watchdog = watchdog;
    }

    /**
     * @param tryStartTls false for the plain-text retry after a failed opportunistic handshake
     * @throws DeliveryException   the session could not be opened; try the next hop
     * @throws TlsFailedException  the TLS handshake failed (under {@link TlsPolicy#MAY}, retry without)
     */
    OutboundSession open(NextHop hop, Destination destination, boolean tryStartTls) throws DeliveryException, TlsFailedException {
        SmtpClientConnection connection;
        try {
            connection = SmtpClientConnection.open(hop, timeouts, watchdog);
        } catch (SocketTimeoutException e) {
            throw DeliveryException.temporary("451 4.4.1 connection to " + hop + " timed out", null, e);
        } catch (IOException e) {
            throw DeliveryException.temporary("451 4.4.1 cannot connect to " + hop + ": " + e.getMessage(), null, e);
        }
        boolean done = false;
        try {
            OutboundSession session = negotiate(connection, destination, tryStartTls);
            done = true;
            return session;
        } catch (SSLException e) {
            throw new TlsFailedException(DeliveryException.temporary(
                    "451 4.7.5 TLS handshake with " + hop + " failed: " + e.getMessage(), hop.hostName(), e));
        } catch (SocketTimeoutException e) {
            throw DeliveryException.temporary("451 4.4.2 " + hop + " did not answer in time", hop.hostName(), e);
        } catch (IOException e) {
            throw DeliveryException.temporary("451 4.4.2 connection to " + hop + " failed: " + e.getMessage(), hop.hostName(), e);
        } finally {
            if (!done) connection.close();
        }
    }

    private OutboundSession negotiate(SmtpClientConnection c, Destination destination, boolean tryStartTls)
            throws IOException, DeliveryException {
        String host = c.hop().hostName();
        TlsPolicy policy = destination.tlsPolicy();
        if (destination.implicitTls()) c.upgrade(tls, policy == TlsPolicy.VERIFY, timeouts.command());
        RemoteReply greeting = c.read(timeouts.command());
        if (!greeting.isPositive()) throw DeliveryException.refused(greeting, host);
        EhloCapabilities caps = hello(c);
        if (!c.isTls() && policy != TlsPolicy.NONE && tryStartTls) {
            if (caps.offers("STARTTLS")) {
                RemoteReply reply = c.command("STARTTLS", timeouts.command());
                if (reply.code() == 220) {
                    c.upgrade(tls, policy == TlsPolicy.VERIFY, timeouts.command());
                    caps = hello(c); // RFC 3207 §4.2: discard what was learnt before TLS
                } else if (policy.requiresTls()) {
                    throw DeliveryException.temporary("451 4.7.4 " + host + " refused STARTTLS: " + reply.oneLine(), host, null);
                }
            }
        }
        if (!c.isTls() && policy.requiresTls()) {
            throw DeliveryException.temporary("451 4.7.4 TLS is required but " + host + " does not offer STARTTLS", host, null);
        }
        if (destination.credentials().isPresent()) authenticate(c, caps, destination.credentials().get());
        return new OutboundSession(c, caps);
    }

    /** EHLO; HELO when the server does not know EHLO (RFC 5321 §3.2: a 5xx to EHLO). */
    private EhloCapabilities hello(SmtpClientConnection c) throws IOException, DeliveryException {
        RemoteReply ehlo = c.command("EHLO " + heloName, timeouts.command());
        if (ehlo.isPositive()) return EhloCapabilities.parse(ehlo.lines());
        if (!ehlo.isPermanentFailure()) throw DeliveryException.refused(ehlo, c.hop().hostName());
        RemoteReply helo = c.command("HELO " + heloName, timeouts.command());
        if (!helo.isPositive()) throw DeliveryException.refused(helo, c.hop().hostName());
        return EhloCapabilities.NONE;
    }

    /**
     * AUTH PLAIN (RFC 4616) with an initial response, else LOGIN. A refusal is temporary, as
     * Postfix's smtp_sasl_auth_soft_bounce makes it: a wrong password must not bounce the mail.
     */
    private void authenticate(SmtpClientConnection c, EhloCapabilities caps, SmtpCredentials credentials)
            throws IOException, DeliveryException {
        String host = c.hop().hostName();
        if (!c.isTls()) {
            throw DeliveryException.temporary("451 4.7.0 not sending credentials to " + host + " without TLS", host, null);
        }
        RemoteReply reply;
        if (caps.authMechanisms().contains("PLAIN")) {
            String response = base64("\0" + credentials.username() + "\0" + credentials.password());
            c.send("AUTH PLAIN " + response, "AUTH PLAIN ***");
            c.flush();
            reply = c.read(timeouts.command());
            if (reply.code() == 334) { // a server that ignores the initial response asks again
                c.send(response, "***");
                c.flush();
                reply = c.read(timeouts.command());
            }
        } else if (caps.authMechanisms().contains("LOGIN")) {
            reply = c.command("AUTH LOGIN", timeouts.command());
            if (reply.code() == 334) {
                c.send(base64(credentials.username()), "***");
                c.flush();
                reply = c.read(timeouts.command());
            }
            if (reply.code() == 334) {
                c.send(base64(credentials.password()), "***");
                c.flush();
                reply = c.read(timeouts.command());
            }
        } else {
            throw DeliveryException.temporary("451 4.7.0 " + host + " offers neither AUTH PLAIN nor AUTH LOGIN", host, null);
        }
        if (reply.code() != 235) {
            throw DeliveryException.temporary("451 4.7.0 authentication at " + host + " failed: " + reply.oneLine(), host, null);
        }
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The TLS handshake failed; the cause's reply says how. */
    static final class TlsFailedException extends Exception {
        private final DeliveryException failure;

        TlsFailedException(DeliveryException failure) {
            super(failure.reply(), failure);
            this.failure = failure;
        }

        DeliveryException failure() {
            return failure;
        }
    }
}
