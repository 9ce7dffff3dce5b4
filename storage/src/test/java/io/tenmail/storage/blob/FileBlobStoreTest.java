package io.tenmail.storage.blob;

import io.tenmail.storage.BlobStore.StoredBlob;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.model.BlobId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FileBlobStoreTest {
    static final byte[] MESSAGE = "Subject: hello\r\n\r\nHello, world.\r\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path root;

    static InputStream bytes(byte[] content) {
        return new ByteArrayInputStream(content);
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    List<Path> blobFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.startsWith(root.resolve(FileBlobStore.TMP_DIR))).toList();
        }
    }

    List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve(FileBlobStore.TMP_DIR))) {
            return files.toList();
        }
    }

    static Reason reasonOf(ThrowingCall call) {
        StoreException e = catchThrowableOfType(StoreException.class, call::run);
        assertThat(e).as("a StoreException").isNotNull();
        return e.reason();
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void aBlobReadsBackAsTheBytesStoredUnderItsSha256() throws Exception {
        FileBlobStore store = new FileBlobStore(root);

        StoredBlob stored = store.put(bytes(MESSAGE), 1000);

        assertThat(stored.id().hex()).isEqualTo(sha256(MESSAGE));
        assertThat(stored.size()).isEqualTo(MESSAGE.length);
        assertThat(store.size(stored.id())).isEqualTo(MESSAGE.length);
        assertThat(store.exists(stored.id())).isTrue();
        try (InputStream in = store.open(stored.id())) {
            assertThat(in.readAllBytes()).isEqualTo(MESSAGE);
        }
        String hex = stored.id().hex();
        assertThat(blobFiles()).containsExactly(root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex));
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void theSameBytesStoredTwiceAreKeptOnce() throws Exception {
        FileBlobStore store = new FileBlobStore(root);

        StoredBlob first = store.put(bytes(MESSAGE), 1000);
        StoredBlob second = store.put(bytes(MESSAGE), 1000);

        assertThat(second).isEqualTo(first);
        assertThat(blobFiles()).hasSize(1);
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void differentBytesGetDifferentBlobs() throws Exception {
        FileBlobStore store = new FileBlobStore(root);

        BlobId a = store.put(bytes("a".getBytes(StandardCharsets.US_ASCII)), 10).id();
        BlobId b = store.put(bytes("b".getBytes(StandardCharsets.US_ASCII)), 10).id();

        assertThat(a).isNotEqualTo(b);
        assertThat(blobFiles()).hasSize(2);
    }

    @Test
    void contentOfExactlyMaxBytesIsAccepted() throws Exception {
        FileBlobStore store = new FileBlobStore(root);

        assertThat(store.put(bytes(MESSAGE), MESSAGE.length).size()).isEqualTo(MESSAGE.length);
    }

    @Test
    @Timeout(10)
    void theLargestLimitMeansNoLimit() throws Exception {
        FileBlobStore store = new FileBlobStore(root);

        assertThat(store.put(bytes(MESSAGE), Long.MAX_VALUE).size()).isEqualTo(MESSAGE.length);
    }

    @Test
    void contentOverMaxBytesIsTooBigAndLeavesNothingBehind() throws Exception {
        FileBlobStore store = new FileBlobStore(root);

        assertThat(reasonOf(() -> store.put(bytes(MESSAGE), MESSAGE.length - 1))).isEqualTo(Reason.TOO_BIG);

        assertThat(blobFiles()).isEmpty();
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void anEndlessStreamIsCutOffAtMaxBytes() throws Exception {
        FileBlobStore store = new FileBlobStore(root);
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) 'x');
                return len;
            }
        };

        assertThat(reasonOf(() -> store.put(endless, 1_000_000))).isEqualTo(Reason.TOO_BIG);
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void aBlobLargerThanTheBufferStreamsThrough() throws Exception {
        FileBlobStore store = new FileBlobStore(root);
        byte[] big = new byte[5 * 1024 * 1024 + 17];
        for (int i = 0; i < big.length; i++) big[i] = (byte) (i * 31 + (i >>> 11));

        StoredBlob stored = store.put(bytes(big), big.length);

        assertThat(stored.id().hex()).isEqualTo(sha256(big));
        try (InputStream in = store.open(stored.id())) {
            assertThat(in.readAllBytes()).isEqualTo(big);
        }
    }

    @Test
    void aFailingSourceLeavesNothingBehind() throws Exception {
        FileBlobStore store = new FileBlobStore(root);
        InputStream broken = new InputStream() {
            int served;

            @Override
            public int read() throws IOException {
                if (served++ < 100) return 'x';
                throw new IOException("connection reset");
            }
        };

        assertThat(reasonOf(() -> store.put(broken, 1000))).isEqualTo(Reason.TEMPORARY);
        assertThat(blobFiles()).isEmpty();
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void concurrentPutsOfTheSameBytesAllGetTheOneBlob() throws Exception {
        FileBlobStore store = new FileBlobStore(root);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<StoredBlob>> puts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<StoredBlob> put = () -> {
                    start.await();
                    return store.put(bytes(MESSAGE), 1000);
                };
                puts.add(pool.submit(put));
            }
            start.countDown();
            for (Future<StoredBlob> put : puts) assertThat(put.get(1, TimeUnit.MINUTES).id().hex()).isEqualTo(sha256(MESSAGE));
        } finally {
            pool.shutdownNow();
        }

        assertThat(blobFiles()).hasSize(1);
        assertThat(temporaryFiles()).isEmpty();
        try (InputStream in = store.open(new BlobId(sha256(MESSAGE)))) {
            assertThat(in.readAllBytes()).isEqualTo(MESSAGE);
        }
    }

    @Test
    void readingFromAnOffsetSkipsThatManyBytes() throws Exception {
        FileBlobStore store = new FileBlobStore(root);
        BlobId id = store.put(bytes(MESSAGE), 1000).id();

        try (InputStream in = store.open(id, 9)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("hello\r\n\r\nHello, world.\r\n");
        }
        try (InputStream in = store.open(id, MESSAGE.length)) {
            assertThat(in.read()).isEqualTo(-1);
        }
        try (InputStream in = store.open(id, MESSAGE.length + 100L)) {
            assertThat(in.read()).as("past the end reads as empty").isEqualTo(-1);
        }
        assertThatThrownBy(() -> store.open(id, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingBlobIsNotFound() throws Exception {
        FileBlobStore store = new FileBlobStore(root);
        BlobId missing = new BlobId("f".repeat(64));

        assertThat(store.exists(missing)).isFalse();
        assertThat(reasonOf(() -> store.open(missing))).isEqualTo(Reason.NOT_FOUND);
        assertThat(reasonOf(() -> store.open(missing, 3))).isEqualTo(Reason.NOT_FOUND);
        assertThat(reasonOf(() -> store.size(missing))).isEqualTo(Reason.NOT_FOUND);
    }

    @Test
    void aDeletedBlobIsGoneAndDeletingItAgainIsHarmless() throws Exception {
        FileBlobStore store = new FileBlobStore(root);
        BlobId id = store.put(bytes(MESSAGE), 1000).id();

        store.delete(id);
        store.delete(id);

        assertThat(store.exists(id)).isFalse();
        assertThat(reasonOf(() -> store.open(id))).isEqualTo(Reason.NOT_FOUND);
        assertThat(store.put(bytes(MESSAGE), 1000).id()).as("stored again after deletion").isEqualTo(id);
        assertThat(store.exists(id)).isTrue();
    }

    @Test
    void unfinishedWritesLeftByACrashAreRemovedAtStartUp() throws Exception {
        BlobId kept = new FileBlobStore(root).put(bytes(MESSAGE), 1000).id();
        Path tmp = root.resolve(FileBlobStore.TMP_DIR);
        Files.write(tmp.resolve("put-123.tmp"), "half a messa".getBytes(StandardCharsets.US_ASCII));
        Files.write(tmp.resolve("put-456.tmp"), new byte[0]);

        FileBlobStore restarted = new FileBlobStore(root);

        assertThat(temporaryFiles()).isEmpty();
        assertThat(restarted.exists(kept)).isTrue();
    }

    @Test
    void aNewStoreCreatesItsDirectory() throws Exception {
        Path nested = root.resolve("data").resolve("blobs");

        BlobId id = new FileBlobStore(nested).put(bytes(MESSAGE), 1000).id();

        assertThat(Files.isDirectory(nested.resolve(FileBlobStore.TMP_DIR))).isTrue();
        assertThat(new FileBlobStore(nested).exists(id)).isTrue();
    }
}
