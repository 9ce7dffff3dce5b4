package io.tenmail.smtp.it;

import io.tenmail.protocol.ListenerBindException;
import io.tenmail.smtp.SmtpServer;
import io.tenmail.smtp.session.ListenerRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server's life cycle: three listeners, all or none, and a clean close. */
@ExtendWith(MailSystem.Extension.class)
class SmtpServerIT {

    @Test
    void startBindsThreeListenersAndCloseReleasesThem(MailSystem mail) throws Exception {
        SmtpServer server = mail.start(b -> { });
        assertThat(server.name()).isEqualTo("smtp");
        assertThat(server.listeners()).extracting(l -> l.spec().name()).containsExactly("smtp", "submission", "smtps");
        int port = MailSystem.port(server, ListenerRole.MX);
        server.close();
        server.close();
        assertThat(server.listeners()).isEmpty();
        assertThatThrownBy(() -> SmtpClient.connect(port)).isInstanceOf(ConnectException.class);
    }

    @Test
    void aTakenPortFailsTheStartAndNamesTheSetting(MailSystem mail) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> mail.start(b -> b.ports(0, port, 0)))
                    .isInstanceOf(ListenerBindException.class)
                    .hasMessage("cannot bind submission on 127.0.0.1:" + port + " (address in use); set tenmail.submission.port or TENMAIL_SUBMISSION_PORT");
        }
    }

    @Test
    void leftoverSpoolFilesFromACrashAreRemovedAtStart(MailSystem mail) throws Exception {
        var spool = mail.defaults().build().spoolDir();
        Files.createDirectories(spool);
        var leftover = Files.createTempFile(spool, "message-", ".spool");
        try (SmtpServer server = mail.start(b -> { })) {
            assertThat(leftover).doesNotExist();
        }
    }
}
