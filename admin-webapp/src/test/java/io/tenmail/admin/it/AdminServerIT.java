package io.tenmail.admin.it;

import io.tenmail.admin.AdminServer;
import io.tenmail.admin.AdminSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server's own lifecycle: ports, start and stop. */
class AdminServerIT {

    private static AdminServer server(int port) {
        return new AdminServer(new AdminSettings("127.0.0.1", port), ApiFixture.newBackend(), ApiFixture.TOKEN);
    }

    @Test
    void portZeroBindsAnEphemeralPort() {
        try (AdminServer s = server(0)) {
            s.start();
            assertThat(s.port()).isBetween(1, 65535);
        }
    }

    @Test
    void portInUseFailsNamingThePortAndTheKey() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1")); AdminServer s = server(taken.getLocalPort())) {
            assertThatThrownBy(s::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()))
                    .hasMessageContaining("tenmail.http.port");
        }
    }

    @Test
    void closeReleasesThePort() throws IOException {
        int port;
        try (AdminServer s = server(0)) {
            s.start();
            port = s.port();
            try (Socket ok = new Socket("127.0.0.1", port)) {
                assertThat(ok.isConnected()).isTrue();
            }
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void closeIsIdempotentAndStartIsOnce() {
        AdminServer s = server(0);
        s.start();
        assertThatThrownBy(s::start).isInstanceOf(IllegalStateException.class);
        s.close();
        s.close();
        assertThatThrownBy(s::port).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void blankTokenIsRefusedAtConstruction() {
        assertThatThrownBy(() -> new AdminServer(new AdminSettings("127.0.0.1", 0), ApiFixture.newBackend(), " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
