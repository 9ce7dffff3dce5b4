package io.tenmail.smtp.it;

import io.tenmail.smtp.session.ListenerRole;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every conversation in {@code src/test/resources/conversations/} against the real server
 * (STYLE.md §11), each on a new connection with an empty queue. The format, one step per line:
 * <pre>
 * # a comment (blank lines are ignored too)
 * &#64;listener submission   which listener: mx (default), submission or smtps; before the first step
 * C: EHLO x.test           the client sends the line and CRLF (UTF-8)
 * R: BDAT 3\r\nabc         the client sends exactly this, with \r \n \t \\ and \xHH escapes, no CRLF added
 * S: 250 2.1.5 *           the server's next reply line must match; "*" matches anything
 * S: 250-*                 all the continuation lines of a multi-line reply (one or more)
 * S: &lt;closed&gt;             the server closes the connection
 * &#64;tls                     the client starts TLS now (after "S: 220" to STARTTLS)
 * &#64;queue 1                 the queue now holds exactly this many messages
 * </pre>
 */
@ExtendWith(MailSystem.Extension.class)
class ConversationsIT {

    static final Path DIR = Path.of("src/test/resources/conversations");

    @TestFactory
    Stream<DynamicTest> everyConversationRunsAsWritten(MailSystem mail) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(DIR)) {
            files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(), () -> run(mail, file)));
    }

    private record Step(int line, String kind, String text) {
        @Override
        public String toString() {
            return "line " + line + " (" + kind + ": " + text + ")";
        }
    }

    private static void run(MailSystem mail, Path file) throws Exception {
        mail.clearQueue();
        List<Step> steps = parse(file);
        ListenerRole role = ListenerRole.MX;
        int first = 0;
        while (first < steps.size() && steps.get(first).kind().equals("@listener")) {
            role = ListenerRole.valueOf(steps.get(first).text().toUpperCase(Locale.ROOT));
            first++;
        }
        int port = mail.port(role);
        try (SmtpClient client = role == ListenerRole.SMTPS ? SmtpClient.connectTls(port) : SmtpClient.connect(port)) {
            for (Step step : steps.subList(first, steps.size())) {
                switch (step.kind()) {
                    case "C" -> client.sendRaw((step.text() + "\r\n").getBytes(StandardCharsets.UTF_8));
                    case "R" -> client.sendRaw(unescape(step.text()));
                    case "S" -> expect(client, step);
                    case "@tls" -> client.startTls();
                    case "@queue" -> assertThat(mail.queued()).as(step.toString()).hasSize(Integer.parseInt(step.text()));
                    default -> throw new IllegalArgumentException(file + ": unknown step " + step);
                }
            }
        }
    }

    private static void expect(SmtpClient client, Step step) throws IOException {
        if (step.text().equals("<closed>")) {
            assertThat(client.closedByServer()).as(step + ": the server closes the connection").isTrue();
            return;
        }
        String line = client.readLine();
        assertThat(line).as(step + ": a reply").isNotNull();
        if (step.text().matches("\\d{3}-\\*")) {
            String continuation = step.text().substring(0, 4);
            assertThat(line).as(step.toString()).startsWith(continuation);
            // the other continuation lines; the reply's last line is left for the next step
            while (client.peekLine() != null && client.peekLine().startsWith(continuation)) client.readLine();
            return;
        }
        assertThat(line).as(step.toString()).matches(glob(step.text()));
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) regex.append(".*");
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    static List<Step> parse(Path file) throws IOException {
        List<Step> steps = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            if (line.startsWith("@")) {
                int sp = line.indexOf(' ');
                steps.add(new Step(i + 1, sp < 0 ? line : line.substring(0, sp), sp < 0 ? "" : line.substring(sp + 1).trim()));
            } else if (line.length() >= 2 && line.charAt(1) == ':' && "CRS".indexOf(line.charAt(0)) >= 0) {
                steps.add(new Step(i + 1, line.substring(0, 1), line.length() > 3 ? line.substring(3) : ""));
            } else {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": not a step: " + line);
            }
        }
        return steps;
    }

    static byte[] unescape(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b != '\\' || i + 1 == utf8.length) {
                out.write(b);
                continue;
            }
            char c = (char) utf8[++i];
            switch (c) {
                case 'r' -> out.write('\r');
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case '\\' -> out.write('\\');
                case 'x' -> {
                    out.write(Integer.parseInt(new String(utf8, i + 1, 2, StandardCharsets.US_ASCII), 16));
                    i += 2;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + c + " in " + text);
            }
        }
        return out.toByteArray();
    }
}
