package io.tenmail.protocol.tls;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the server's {@link SSLContext}. Every engine and server socket it creates has only
 * TLS 1.3 and 1.2 enabled (RFC 8996 deprecates 1.0 and 1.1; RFC 8314 §4.1 asks mail servers for
 * 1.2 or later) and prefers the server's cipher-suite order. Thread-safe, like {@code SSLContext}.
 */
public final class TlsContextFactory {
    /** The protocol versions servers accept, newest first. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private TlsContextFactory() {
    }

    public static SSLContext serverContext(TlsMaterial material) throws TlsSetupException {
        try {
            char[] password = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", material.privateKey(), password, material.chain().toArray(new Certificate[0]));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, new SecureRandom());
            String[] supported = context.getSupportedSSLParameters().getProtocols();
            String[] protocols = PROTOCOLS.stream().filter(p -> Arrays.asList(supported).contains(p)).toArray(String[]::new);
            if (protocols.length == 0) throw new TlsSetupException("this Java runtime supports neither TLS 1.3 nor TLS 1.2");
            return new RestrictedSslContext(context, protocols);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new TlsSetupException("cannot create the TLS context: " + e.getMessage(), e);
        }
    }
}
