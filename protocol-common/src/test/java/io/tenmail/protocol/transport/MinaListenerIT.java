package io.tenmail.protocol.transport;

import io.tenmail.protocol.BoundListener;
import io.tenmail.protocol.ListenerBindException;
import io.tenmail.protocol.ListenerSpec;
import io.tenmail.protocol.TlsMode;
import org.apache.mina.core.filterchain.DefaultIoFilterChainBuilder;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolCodecFilter;
import org.apache.mina.filter.codec.textline.TextLineCodecFactory;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MinaListenerIT {

    private static DefaultIoFilterChainBuilder lineCodec() {
        DefaultIoFilterChainBuilder chain = new DefaultIoFilterChainBuilder();
        chain.addLast("codec", new ProtocolCodecFilter(new TextLineCodecFactory(StandardCharsets.US_ASCII)));
        return chain;
    }

    private static final class Greeter extends IoHandlerAdapter {
        @Override
        public void sessionOpened(IoSession session) {
            session.write("220 hello");
        }

        @Override
        public void exceptionCaught(IoSession session, Throwable cause) {
            session.closeNow();
        }
    }

    private static ListenerSpec spec(int port) {
        return new ListenerSpec("smtp", "127.0.0.1", port, TlsMode.STARTTLS, "tenmail.smtp.port");
    }

    @Test
    void boundListenerAcceptsConnectionsThroughTheCallersChainAndHandler() throws Exception {
        try (MinaListener listener = new MinaListener(spec(0), lineCodec(), new Greeter())) {
            BoundListener bound = listener.bind();
            assertThat(bound.port()).isPositive();
            assertThat(bound.toString()).isEqualTo("smtp on 127.0.0.1:" + bound.port() + " (STARTTLS)");
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), bound.port());
                 BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
                socket.setSoTimeout(10_000);
                assertThat(in.readLine()).isEqualTo("220 hello");
            }
        }
    }

    @Test
    void aTakenPortIsReportedWithTheSettingThatChangesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            MinaListener listener = new MinaListener(spec(port), lineCodec(), new Greeter());
            assertThatThrownBy(listener::bind)
                    .isInstanceOf(ListenerBindException.class)
                    .hasMessage("cannot bind smtp on 127.0.0.1:" + port + " (address in use); set tenmail.smtp.port or TENMAIL_SMTP_PORT");
            assertThat(listener.isBound()).isFalse();
            listener.close();
        }
    }

    @Test
    void closingReleasesThePortAndIsIdempotent() throws Exception {
        MinaListener first = new MinaListener(spec(0), lineCodec(), new Greeter());
        int port = first.bind().port();
        first.close();
        first.close();
        try (MinaListener second = new MinaListener(spec(port), lineCodec(), new Greeter())) {
            assertThat(second.bind().port()).isEqualTo(port);
        }
    }
}
