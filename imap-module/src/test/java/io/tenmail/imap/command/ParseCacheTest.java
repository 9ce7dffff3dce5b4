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

    private static ParsedMessage parse(String subject) throws IOException {
        return new MessageParser().parse(new ByteArrayInputStream(("Subject: " + subject + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theLeastRecentlyUsedParseGoesFirstWhenTheCacheIsFull() throws IOException {
        ParseCache cache = new ParseCache(2);
        cache.put(A, parse("a"));
        cache.put(B, parse("b"));
        assertThat(cache.get(A).subject()).isEqualTo("a");   // A used after B
        cache.put(C, parse("c"));
        assertThat(cache.get(B)).isNull();
        assertThat(cache.get(A).subject()).isEqualTo("a");
        assertThat(cache.get(C).subject()).isEqualTo("c");
    }

    @Test
    void messagesWithoutAKnownBlobOrParseAreNeitherKeptNorFound() throws IOException {
        ParseCache cache = new ParseCache(2);
        cache.put(null, parse("x"));
        cache.put(A, null);
        assertThat(cache.get(null)).isNull();
        assertThat(cache.get(A)).isNull();
    }
}
