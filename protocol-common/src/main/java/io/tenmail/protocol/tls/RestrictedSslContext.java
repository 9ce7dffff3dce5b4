package io.tenmail.protocol.tls;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.KeyManagementException;
import java.security.SecureRandom;

/**
 * An {@link SSLContext} that hands out engines and server sockets with a fixed set of protocol
 * versions enabled, so that no caller (MINA's SslFilter, Jetty) can forget to restrict them.
 */
final class RestrictedSslContext extends SSLContext {

    RestrictedSslContext(SSLContext delegate, String[] protocols) {
        super(new Spi(delegate, protocols), delegate.getProvider(), delegate.getProtocol());
    }

    private static final class Spi extends SSLContextSpi {
        private final SSLContext delegate;
        private final String[] protocols;

        Spi(SSLContext delegate, String[] protocols) {
            this.delegate = delegate;
            this.protocols = protocols.clone();
        }

        private SSLParameters restrict(SSLParameters parameters) {
            parameters.setProtocols(protocols.clone());
            parameters.setUseCipherSuitesOrder(true);
            return parameters;
        }

        private SSLEngine restrict(SSLEngine engine) {
            engine.setSSLParameters(restrict(engine.getSSLParameters()));
            return engine;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            delegate.init(km, tm, sr);
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            // client sockets: the server never opens TLS client connections through this context
            return delegate.getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return new RestrictedServerSocketFactory(delegate.getServerSocketFactory(), this);
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return restrict(delegate.createSSLEngine());
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return restrict(delegate.createSSLEngine(host, port));
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return delegate.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return delegate.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return restrict(delegate.getDefaultSSLParameters());
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return restrict(delegate.getSupportedSSLParameters());
        }
    }

    private static final class RestrictedServerSocketFactory extends SSLServerSocketFactory {
        private final SSLServerSocketFactory delegate;
        private final Spi spi;

        RestrictedServerSocketFactory(SSLServerSocketFactory delegate, Spi spi) {
            this.delegate = delegate;
            this.spi = spi;
        }

        private ServerSocket restrict(ServerSocket socket) {
            SSLServerSocket tls = (SSLServerSocket) socket;
            tls.setSSLParameters(spi.restrict(tls.getSSLParameters()));
            return tls;
        }

        @Override
        public ServerSocket createServerSocket() throws IOException {
            return restrict(delegate.createServerSocket());
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return restrict(delegate.createServerSocket(port));
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            return restrict(delegate.createServerSocket(port, backlog));
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            return restrict(delegate.createServerSocket(port, backlog, address));
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }
    }
}
