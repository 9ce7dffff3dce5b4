package io.tenmail.smtp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeaderFieldScannerTest {

    private static HeaderFieldScanner scan(String message, int chunk) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        HeaderFieldScanner scanner = new HeaderFieldScanner(sink, Set.of("Message-ID", "Date"));
        byte[] bytes = message.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length; i += chunk) scanner.write(bytes, i, Math.min(chunk, bytes.length - i));
        assertThat(sink.toByteArray()).as("passes every octet through").isEqualTo(bytes);
        return scanner;
    }

    @Test
    void findsFieldsInAnyCaseWhateverTheChunking() throws IOException {
        String message = "From: a@b\r\nmessage-id: <1@b>\r\nSubject: x\r\n\r\nbody\r\n";
        for (int chunk = 1; chunk <= message.length(); chunk++) {
            HeaderFieldScanner scanner = scan(message, chunk);
            assertThat(scanner.has("Message-ID")).isTrue();
            assertThat(scanner.has("Date")).isFalse();
            assertThat(scanner.headerComplete()).isTrue();
        }
    }

    @Test
    void aFieldInTheBodyDoesNotCount() throws IOException {
        HeaderFieldScanner scanner = scan("Subject: x\r\n\r\nDate: Mon, 1 Jan 2024 00:00:00 +0000\r\n", 7);
        assertThat(scanner.has("Date")).isFalse();
    }

    @Test
    void foldedLinesContinueTheFieldBeforeThem() throws IOException {
        HeaderFieldScanner scanner = scan("Subject: a\r\n Date: folded\r\nDate : Mon, 1 Jan 2024\r\n\r\n", 3);
        assertThat(scanner.has("Date")).isTrue();
        HeaderFieldScanner folded = scan("Subject: a\r\n Date: folded\r\n\r\n", 3);
        assertThat(folded.has("Date")).isFalse();
    }

    @Test
    void aLineThatIsNoFieldEndsTheHeaderSection() throws IOException {
        HeaderFieldScanner scanner = scan("no colon here\r\nDate: x\r\n\r\n", 100);
        assertThat(scanner.has("Date")).isFalse();
        assertThat(scanner.headerComplete()).isTrue();
    }
}
