package io.tenmail.protocol.tls;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;
import java.nio.ByteBuffer;
import java.security.KeyStore;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TlsContextFactoryTest {
    private static TlsMaterial material;
    private static SSLContext server;

    @BeforeAll
    static void createContext() throws Exception {
        material = SelfSignedCertificate.generate("mail.example.test", Instant.now());
        server = TlsContextFactory.serverContext(material);
    }

    @Test
    void enginesEnableOnlyTls13And12() {
        SSLEngine engine = server.createSSLEngine();
        assertThat(engine.getEnabledProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(server.createSSLEngine("client.example.test", 1234).getEnabledProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(engine.getSSLParameters().getUseCipherSuitesOrder()).isTrue();
        assertThat(server.getDefaultSSLParameters().getProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
    }

    @Test
    void serverSocketsEnableOnlyTls13And12() throws Exception {
        // created unbound: no network involved
        try (SSLServerSocket socket = (SSLServerSocket) server.getServerSocketFactory().createServerSocket()) {
            assertThat(socket.getEnabledProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
        }
    }

    @Test
    void aModernClientNegotiatesTls13() throws Exception {
        assertThat(handshake(clientEngine())).isEqualTo("TLSv1.3");
    }

    @Test
    void aTls12OnlyClientIsStillServed() throws Exception {
        SSLEngine client = clientEngine();
        client.setEnabledProtocols(new String[] {"TLSv1.2"});
        assertThat(handshake(client)).isEqualTo("TLSv1.2");
    }

    private static SSLEngine clientEngine() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", material.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        SSLEngine engine = context.createSSLEngine("mail.example.test", 465);
        engine.setUseClientMode(true);
        return engine;
    }

    /** Runs a handshake between the client engine and a server engine in memory; the negotiated protocol. */
    private static String handshake(SSLEngine client) throws Exception {
        SSLEngine serverEngine = server.createSSLEngine();
        serverEngine.setUseClientMode(false);
        ByteBuffer toServer = ByteBuffer.allocate(1 << 17);
        ByteBuffer toClient = ByteBuffer.allocate(1 << 17);
        ByteBuffer sink = ByteBuffer.allocate(1 << 17);
        client.beginHandshake();
        serverEngine.beginHandshake();
        for (int round = 0; round < 200; round++) {
            step(client, toClient, toServer, sink);
            step(serverEngine, toServer, toClient, sink);
            if (client.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING
                    && serverEngine.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING) {
                assertThat(serverEngine.getSession().getProtocol()).isEqualTo(client.getSession().getProtocol());
                return client.getSession().getProtocol();
            }
        }
        throw new AssertionError("handshake did not finish");
    }

    private static void step(SSLEngine engine, ByteBuffer in, ByteBuffer out, ByteBuffer sink) throws Exception {
        switch (engine.getHandshakeStatus()) {
            case NEED_WRAP -> engine.wrap(ByteBuffer.allocate(0), out);
            case NEED_UNWRAP -> {
                in.flip();
                engine.unwrap(in, sink);
                in.compact();
                sink.clear();
            }
            case NEED_TASK -> {
                for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) task.run();
            }
            default -> { }
        }
    }
}
