package io.tenmail.smtp.remote;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DotStuffingOutputStreamTest {

    private static String stuff(String message, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DotStuffingOutputStream s = new DotStuffingOutputStream(out);
        byte[] bytes = message.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length; i += chunk) s.write(bytes, i, Math.min(chunk, bytes.length - i));
        s.finish();
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void leadingDotsAreDoubledAndTheDataEndsWithDotCrlf() throws IOException {
        String message = "Subject: x\r\n\r\n.\r\n..two\r\nmid.dle\r\n.";
        String expected = "Subject: x\r\n\r\n..\r\n...two\r\nmid.dle\r\n..\r\n.\r\n";
        for (int chunk = 1; chunk <= message.length(); chunk++) assertThat(stuff(message, chunk)).as("chunk " + chunk).isEqualTo(expected);
    }

    @Test
    void bareLineEndsBecomeCrlfSoNothingCanBeSmuggled() throws IOException {
        String message = "a\n.\nb\r.\r\nc\r\n";
        String expected = "a\r\n..\r\nb\r\n..\r\nc\r\n.\r\n";
        for (int chunk = 1; chunk <= message.length(); chunk++) assertThat(stuff(message, chunk)).as("chunk " + chunk).isEqualTo(expected);
    }

    @Test
    void anEmptyMessageIsJustTheEnd() throws IOException {
        assertThat(stuff("", 1)).isEqualTo(".\r\n");
    }

    @Test
    void eightBitOctetsPassUnchanged() throws IOException {
        assertThat(stuff("\u00e9t\u00e9\r\n", 3)).isEqualTo("\u00e9t\u00e9\r\n.\r\n");
    }
}
