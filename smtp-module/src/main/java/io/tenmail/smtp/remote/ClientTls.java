package io.tenmail.smtp.remote;

import io.tenmail.protocol.tls.TlsContextFactory;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client side of TLS: one context that checks nothing (opportunistic TLS, RFC 7435) and one
 * that checks the chain against trusted certificates (the JDK's, or a PEM file) and the host name
 * (RFC 6125, as HTTPS does). TLS 1.2 and 1.3 only. Thread-safe.
 */
final class ClientTls {
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");

    private final SSLContext unverified;
    private final SSLContext verified;

    private ClientTls(SSLContext unverified, SSLContext verified) {
        this.unverified = unverified;
        this.verified = verified;
    }

    /**
     * @param trustedCertificates a PEM file of the certificates to trust for verified TLS; empty
     *                            for the JDK's trusted CAs
     */
    static ClientTls create(Optional<Path> trustedCertificates) throws GeneralSecurityException, IOException {
        SSLContext unverified = SSLContext.getInstance("TLS");
        unverified.init(null, new TrustManager[]{new TrustEverything()}, new SecureRandom());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trustedCertificates.isPresent() ? keyStore(trustedCertificates.get()) : null);
        SSLContext verified = SSLContext.getInstance("TLS");
        verified.init(null, factory.getTrustManagers(), new SecureRandom());
        return new ClientTls(unverified, verified);
    }

    /** Wraps a connected socket and completes the handshake; the socket's read timeout bounds it. */
    SSLSocket handshake(Socket plain, String hostName, int port, boolean verify) throws IOException {
        SSLContext context = verify ? verified : unverified;
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, hostName, port, true);
        SSLParameters params = socket.getSSLParameters();
        params.setProtocols(TlsContextFactory.PROTOCOLS.stream()
                .filter(p -> List.of(socket.getSupportedProtocols()).contains(p)).toArray(String[]::new));
        if (!IP_LITERAL.matcher(hostName).matches()) params.setServerNames(List.of(new SNIHostName(hostName)));
        if (verify) params.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(params);
        socket.setUseClientMode(true);
        socket.startHandshake();
        return socket;
    }

    private static KeyStore keyStore(Path pem) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) throw new GeneralSecurityException("no certificate in " + pem);
            int i = 0;
            for (Certificate c : certs) store.setCertificateEntry("trusted-" + i++, c);
        }
        return store;
    }

    /** Opportunistic TLS encrypts without authenticating (RFC 7435 §1.3); anything else would mean no TLS at all. */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
        @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }
}
