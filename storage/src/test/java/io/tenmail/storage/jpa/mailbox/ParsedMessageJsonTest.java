package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.mime.MessageParser;
import io.tenmail.storage.model.ParsedMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ParsedMessageJsonTest {

    @Test
    void aNestedStructureSurvivesTheRoundTrip() throws IOException {
        String message = """
                From: a@example.test
                Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?= and Grüße
                Content-Type: multipart/mixed; boundary=b1

                --b1
                Content-Type: text/plain; charset=utf-8
                Content-Language: de, en

                hi
                --b1
                Content-Type: message/rfc822

                From: c@example.test
                Subject: inner

                inner body
                --b1
                Content-Type: application/pdf
                Content-Disposition: attachment; filename*=utf-8''%E2%82%AC.pdf

                JVBERi0=
                --b1--
                """.replace("\n", "\r\n");
        ParsedMessage parsed = new MessageParser().parse(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)));
        String json = ParsedMessageJson.write(parsed);
        assertThat(ParsedMessageJson.read(json)).isEqualTo(parsed);
        assertThat(json).doesNotContain("null");
    }

    @Test
    void membersMissingFromOlderRowsReadAsNull() {
        ParsedMessage parsed = ParsedMessageJson.read("{\"subject\":\"old\"}");
        assertThat(parsed.subject()).isEqualTo("old");
        assertThat(parsed.root()).isNull();
        assertThat(parsed.messageId()).isNull();
    }

    @Test
    void oneParseWrittenForEachRecipientIsTheSameJsonAsAnEqualParseWrittenAfresh() {
        ParsedMessage parsed = ParsedMessageJson.read("{\"subject\":\"group mail\",\"from\":\"a@example.test\"}");
        String first = ParsedMessageJson.write(parsed);
        assertThat(ParsedMessageJson.write(parsed)).isSameAs(first);
        ParsedMessage other = ParsedMessageJson.read("{\"subject\":\"other\"}");
        assertThat(ParsedMessageJson.write(other)).contains("other");
        assertThat(ParsedMessageJson.write(ParsedMessageJson.read(first))).isEqualTo(first);
    }
}
