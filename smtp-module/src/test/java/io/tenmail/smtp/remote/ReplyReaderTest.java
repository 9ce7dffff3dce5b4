package io.tenmail.smtp.remote;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplyReaderTest {

    private static ReplyReader reader(String text) {
        return new ReplyReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aMultiLineReplyIsReadWhole() throws IOException {
        ReplyReader r = reader("250-mx.example.com Hello\r\n250-PIPELINING\r\n250 SIZE 1000\r\n220 next\r\n");
        RemoteReply ehlo = r.read();
        assertThat(ehlo.code()).isEqualTo(250);
        assertThat(ehlo.lines()).containsExactly("mx.example.com Hello", "PIPELINING", "SIZE 1000");
        assertThat(r.read().code()).isEqualTo(220);
    }

    @Test
    void bareLineFeedsAndCodesWithoutTextAreTolerated() throws IOException {
        ReplyReader r = reader("354\n250\r\n");
        assertThat(r.read().lines()).containsExactly("");
        assertThat(r.read().oneLine()).isEqualTo("250");
    }

    @Test
    void theEnhancedStatusCodeIsTakenOnlyWhenItsClassAgrees() throws IOException {
        assertThat(reader("550 5.1.1 <bob@example.com>: no such user\r\n").read().enhancedCode()).hasValueSatisfying(
                c -> assertThat(c.toString()).isEqualTo("5.1.1"));
        assertThat(reader("550 4.1.1 confused\r\n").read().enhancedCode()).isEmpty();
        assertThat(reader("421 mx closing\r\n").read().enhancedCode()).isEmpty();
    }

    @Test
    void oneLineJoinsContinuationsAndDropsControlCharacters() throws IOException {
        RemoteReply reply = reader("550-5.7.1 policy\r\n550 5.7.1 see https://x.test/\u0007\r\n").read();
        assertThat(reply.oneLine()).isEqualTo("550 5.7.1 policy see https://x.test/ ");
    }

    @Test
    void notSmtpIsAProtocolError() {
        assertThatThrownBy(() -> reader("HTTP/1.1 400 Bad Request\r\n").read()).isInstanceOf(ReplyReader.MalformedReplyException.class);
        assertThatThrownBy(() -> reader("250-a\r\n251 b\r\n").read()).isInstanceOf(ReplyReader.MalformedReplyException.class);
        assertThatThrownBy(() -> reader("250_x\r\n").read()).isInstanceOf(ReplyReader.MalformedReplyException.class);
        assertThatThrownBy(() -> reader("250 " + "x".repeat(5000) + "\r\n").read()).isInstanceOf(ReplyReader.MalformedReplyException.class);
        assertThatThrownBy(() -> reader("250-x\r\n".repeat(300)).read()).isInstanceOf(ReplyReader.MalformedReplyException.class);
    }

    @Test
    void aClosedConnectionIsEndOfFile() {
        assertThatThrownBy(() -> reader("250-half\r\n").read()).isInstanceOf(EOFException.class);
    }
}
