package io.tenmail.imap.command;

import io.tenmail.storage.mime.MessageParser;
import io.tenmail.storage.model.BlobId;
import io.tenmail.storage.model.ParsedMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ParseCacheTest {
    private static final BlobId A = new BlobId("a".repeat(64));
    private static final BlobId B = new BlobId("b".repeat(64));
    private static final BlobId C = new BlobId("c".repeat(64));

    private static ParsedMessage parse(String message) throws IOException {
        return new MessageParser().parse(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)));
    }

    private static ParsedMessage simple(String subject) throws IOException {
        return parse("Subject: " + subject + "\r\n\r\nbody\r\n");
    }

    /** A multipart message of {@code parts} parts: what a crafted message uses to weigh a lot. */
    private static ParsedMessage multipart(int parts) throws IOException {
        StringBuilder m = new StringBuilder("Subject: many\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n");
        for (int i = 0; i < parts; i++) m.append("--b\r\nContent-Type: text/plain\r\n\r\npart ").append(i).append("\r\n");
        return parse(m.append("--b--\r\n").toString());
    }

    @Test
    void theLeastRecentlyUsedParseGoesFirstWhenTheBudgetIsFull() throws IOException {
        ParsedMessage a = simple("a");
        ParseCache cache = new ParseCache(2 * ParseCache.weight(a));
        cache.put(A, a);
        cache.put(B, simple("b"));
        assertThat(cache.get(A).subject()).isEqualTo("a");   // A used after B
        cache.put(C, simple("c"));
        assertThat(cache.get(B)).isNull();
        assertThat(cache.get(A).subject()).isEqualTo("a");
        assertThat(cache.get(C).subject()).isEqualTo("c");
    }

    @Test
    void aParseWithManyPartsWeighsAccordinglyAndOneAboveTheBudgetIsNotKept() throws IOException {
        ParsedMessage small = simple("a");
        ParsedMessage big = multipart(1_000);
        assertThat(ParseCache.weight(big)).isGreaterThan(1_000 * ParseCache.weight(small) / 2);
        ParseCache cache = new ParseCache(ParseCache.weight(big) - 1);
        cache.put(A, small);
        cache.put(B, big);
        assertThat(cache.get(B)).isNull();
        assertThat(cache.get(A)).isSameAs(small);
        assertThat(cache.bytes()).isEqualTo(ParseCache.weight(small));
    }

    @Test
    void replacingAnEntryCountsItsWeightOnce() throws IOException {
        ParsedMessage a = simple("a");
        ParseCache cache = new ParseCache(10 * ParseCache.weight(a));
        cache.put(A, a);
        cache.put(A, a);
        assertThat(cache.bytes()).isEqualTo(ParseCache.weight(a));
    }

    @Test
    void messagesWithoutAKnownBlobOrParseAreNeitherKeptNorFound() throws IOException {
        ParseCache cache = new ParseCache(ParseCache.DEFAULT_BYTES);
        cache.put(null, simple("x"));
        cache.put(A, null);
        assertThat(cache.get(null)).isNull();
        assertThat(cache.get(A)).isNull();
        assertThat(cache.bytes()).isZero();
    }
}
