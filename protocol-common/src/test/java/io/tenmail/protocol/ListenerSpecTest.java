package io.tenmail.protocol;

import org.junit.jupiter.api.Test;

import java.net.BindException;
import java.net.SocketException;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListenerSpecTest {

    private final ListenerSpec smtp = new ListenerSpec("smtp", "0.0.0.0", 25, TlsMode.STARTTLS, "tenmail.smtp.port");

    @Test
    void environmentVariableFollowsTheMicroProfileConfigRule() {
        assertThat(smtp.portEnvironmentVariable()).isEqualTo("TENMAIL_SMTP_PORT");
        assertThat(ListenerSpec.environmentVariable("tenmail.db.pool-size")).isEqualTo("TENMAIL_DB_POOL_SIZE");
    }

    @Test
    void describesAddressPortAndTls() {
        assertThat(smtp.describe(25)).isEqualTo("smtp on 0.0.0.0:25 (STARTTLS)");
        assertThat(new ListenerSpec("imaps", "::", 993, TlsMode.IMPLICIT, "tenmail.imaps.port").describe(993))
                .isEqualTo("imaps on [::]:993 (TLS)");
    }

    @Test
    void portOutOfRangeIsRefused() {
        assertThatThrownBy(() -> new ListenerSpec("pop3", "0.0.0.0", 70000, TlsMode.STARTTLS, "tenmail.pop3.port"))
                .hasMessageContaining("port of pop3");
    }

    @Test
    void portInUseMessageNamesListenerPortKeyAndEnvironmentVariable() {
        var e = new ListenerBindException(smtp, new BindException("Address already in use"));
        assertThat(e.getMessage()).isEqualTo("cannot bind smtp on 0.0.0.0:25 (address in use); set tenmail.smtp.port or TENMAIL_SMTP_PORT");
    }

    @Test
    void privilegedPortMessageExplainsThePermission() {
        var e = new ListenerBindException(smtp, new java.io.IOException("wrapped", new BindException("Permission denied")));
        assertThat(e.getMessage()).contains("(permission denied: ports below 1024 need root or CAP_NET_BIND_SERVICE)");
    }

    @Test
    void unknownBindAddressIsNamedAsSuch() {
        var e = new ListenerBindException(smtp, new UnknownHostException("nowhere.invalid"));
        assertThat(e.getMessage()).contains("(unknown bind address)");
        assertThat(ListenerBindException.isBindFailure(e.getCause())).isTrue();
    }

    @Test
    void otherSocketErrorsKeepTheSystemMessage() {
        var e = new ListenerBindException(smtp, new SocketException("Protocol family unavailable"));
        assertThat(e.getMessage()).contains("(protocol family unavailable)");
        assertThat(ListenerBindException.isBindFailure(new SocketException("x"))).isFalse();
    }
}
