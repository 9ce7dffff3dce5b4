package io.tenmail.smtp.it;

import io.tenmail.smtp.MailAttributes;
import io.tenmail.smtp.session.ListenerRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** swaks (the Swiss Army Knife for SMTP) against the server, when it is installed. */
@ExtendWith(MailSystem.Extension.class)
class SwaksIT {

    private static Path swaks;

    @BeforeAll
    static void findSwaks() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "swaks");
            if (Files.isExecutable(candidate)) swaks = candidate;
        }
        assumeTrue(swaks != null, "swaks is not on PATH");
    }

    private record Run(int exit, String output) {
    }

    private static Run swaks(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(swaks.toString(), "--server", "127.0.0.1", "--helo", "client.example.test",
                "--timeout", "20"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("swaks did not finish");
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    @Test
    void swaksDeliversToTheMxWithPipelining(MailSystem mail) throws Exception {
        Run run = swaks("--port", Integer.toString(mail.port(ListenerRole.MX)), "--from", "friend@sender.test",
                "--to", "alice@example.test,bob@example.test", "--pipeline", "--header", "Subject: from swaks");
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("<-  250 2.0.0 OK queued as").doesNotContain("<** ");
        assertThat(mail.queued()).hasSize(1);
        assertThat(mail.content(mail.queued().get(0))).contains("Subject: from swaks");
    }

    @Test
    void swaksSubmitsWithStartTlsAndAuthLogin(MailSystem mail) throws Exception {
        Run run = swaks("--port", Integer.toString(mail.port(ListenerRole.SUBMISSION)), "--from", "bob@example.test",
                "--to", "friend@elsewhere.test", "-tls", "--auth", "LOGIN", "--auth-user", "bob@example.test", "--auth-password", "bob-pw");
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("<~  235 2.7.0", "<~  250 2.0.0 OK queued as");
        assertThat(mail.queued().get(0).mail().attributes()).containsEntry(MailAttributes.AUTH_USER, "bob@example.test");
    }

    @Test
    void swaksSubmitsOverSmtpsWithAuthPlain(MailSystem mail) throws Exception {
        Run run = swaks("--port", Integer.toString(mail.port(ListenerRole.SMTPS)), "--from", "alice@example.test",
                "--to", "friend@elsewhere.test", "--tls-on-connect", "--auth", "PLAIN", "--auth-user", "alice@example.test",
                "--auth-password", "alice-pw");
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(mail.queued()).hasSize(1);
    }

    @Test
    void swaksSeesRelayDenied(MailSystem mail) throws Exception {
        Run run = swaks("--port", Integer.toString(mail.port(ListenerRole.MX)), "--from", "spammer@sender.test",
                "--to", "victim@elsewhere.test");
        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("<** 550 5.7.1 Relay access denied");
        assertThat(mail.queued()).isEmpty();
    }

    @Test
    void swaksSendsAFileAndItsLeadingDotsSurviveStuffing(MailSystem mail) throws Exception {
        Path body = Files.createTempFile("swaks", ".eml");
        try {
            Files.writeString(body, "Subject: dots\r\n\r\n.starts with a dot\r\n..two dots\r\n");
            Run run = swaks("--port", Integer.toString(mail.port(ListenerRole.MX)), "--from", "friend@sender.test",
                    "--to", "alice@example.test", "--data", body.toString());
            assertThat(run.exit()).as(run.output()).isZero();
            assertThat(mail.content(mail.queued().get(0))).contains("\r\nSubject: dots\r\n\r\n.starts with a dot\r\n..two dots\r\n");
        } finally {
            Files.deleteIfExists(body);
        }
    }
}
