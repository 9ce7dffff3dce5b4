package io.tenmail.storage.blob;

import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.TestClock;
import io.tenmail.storage.model.BlobId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BlobSweeperTest {
    static final Duration GRACE = Duration.ofHours(1);

    @TempDir
    Path root;

    TestClock clock;
    FileBlobStore store;
    /** What the test's "database" references. */
    Set<BlobId> referenced = new HashSet<>();
    List<Integer> batchSizes = new ArrayList<>();
    BlobReferences references = new BlobReferences() {
        @Override
        public Set<BlobId> referenced(Collection<BlobId> candidates) {
            batchSizes.add(candidates.size());
            Set<BlobId> inUse = new HashSet<>(candidates);
            inUse.retainAll(referenced);
            return inUse;
        }
    };

    @BeforeEach
    void openStore() {
        clock = TestClock.atSomeMoment();
        store = new FileBlobStore(root, clock);
    }

    BlobId put(String content) throws StoreException {
        return store.put(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), 1000).id();
    }

    BlobSweeper sweeper(int batchSize) {
        return new BlobSweeper(store, references, GRACE, clock, batchSize);
    }

    @Test
    void oldUnreferencedBlobsAreDeletedAndReferencedOnesKept() throws Exception {
        BlobId inUse = put("kept by a message");
        BlobId orphan = put("message expunged everywhere");
        referenced.add(inUse);
        clock.advance(GRACE.plusSeconds(1));

        BlobSweeper.Result result = sweeper(500).sweep();

        assertThat(result).isEqualTo(new BlobSweeper.Result(2, 1));
        assertThat(store.exists(inUse)).isTrue();
        assertThat(store.exists(orphan)).isFalse();
    }

    @Test
    void aBlobYoungerThanTheGracePeriodIsKeptThoughNothingReferencesItYet() throws Exception {
        BlobId justWritten = put("DATA streamed, queue entry not yet committed");
        clock.advance(GRACE.minusSeconds(1));

        assertThat(sweeper(500).sweep()).isEqualTo(new BlobSweeper.Result(0, 0));
        assertThat(store.exists(justWritten)).isTrue();
    }

    @Test
    void storingTheSameBytesAgainRenewsAnOldBlob() throws Exception {
        BlobId blob = put("the same group mail, sent again");
        clock.advance(GRACE.multipliedBy(2));
        assertThat(put("the same group mail, sent again")).isEqualTo(blob);

        sweeper(500).sweep();

        assertThat(store.exists(blob)).isTrue();
    }

    @Test
    void aBlobRenewedAfterTheReferenceCheckIsNotDeleted() throws Exception {
        BlobId blob = put("picked up by a new message mid-sweep");
        clock.advance(GRACE.plusSeconds(1));
        BlobReferences renewingWhileChecked = candidates -> {
            put("picked up by a new message mid-sweep");   // a new SMTP transaction with the same bytes
            return Set.of();
        };

        BlobSweeper.Result result = new BlobSweeper(store, renewingWhileChecked, GRACE, clock, 500).sweep();

        assertThat(result.deleted()).isZero();
        assertThat(store.exists(blob)).isTrue();
    }

    @Test
    void referencesAreAskedInBatches() throws Exception {
        List<BlobId> blobs = new ArrayList<>();
        for (int i = 0; i < 25; i++) blobs.add(put("blob " + i));
        referenced.addAll(blobs.subList(0, 10));
        clock.advance(GRACE.plusSeconds(1));

        BlobSweeper.Result result = sweeper(10).sweep();

        assertThat(batchSizes).containsExactly(10, 10, 5);
        assertThat(result).isEqualTo(new BlobSweeper.Result(25, 15));
        assertThat(blobs.stream().filter(store::exists)).containsExactlyInAnyOrderElementsOf(blobs.subList(0, 10));
    }

    @Test
    void whenReferencesCannotBeCheckedNothingIsDeleted() throws Exception {
        BlobId blob = put("unknown whether referenced");
        clock.advance(GRACE.plusSeconds(1));
        BlobReferences databaseDown = candidates -> {
            throw new StoreException(Reason.TEMPORARY, "database unavailable");
        };

        StoreException e = catchThrowableOfType(StoreException.class, () -> new BlobSweeper(store, databaseDown, GRACE, clock, 500).sweep());

        assertThat(e.reason()).isEqualTo(Reason.TEMPORARY);
        assertThat(store.exists(blob)).isTrue();
    }

    @Test
    void filesThatAreNotBlobsAreLeftAlone() throws Exception {
        Path stray = Files.createDirectories(root.resolve("ab").resolve("cd")).resolve("notes.txt");
        Files.writeString(stray, "an operator's file");
        Path inProgress = root.resolve(FileBlobStore.TMP_DIR).resolve("put-1.tmp");
        Files.writeString(inProgress, "a put still streaming");
        Files.writeString(root.resolve("README"), "blobs live here");
        FileTime old = FileTime.from(clock.instant().minus(GRACE.multipliedBy(10)));
        for (Path p : List.of(stray, inProgress, root.resolve("README"))) Files.setLastModifiedTime(p, old);

        assertThat(sweeper(500).sweep()).isEqualTo(new BlobSweeper.Result(0, 0));
        assertThat(stray).exists();
        assertThat(inProgress).exists();
    }

    @Test
    void anEmptyStoreIsSweptWithoutAskingAnything() throws Exception {
        assertThat(sweeper(500).sweep()).isEqualTo(new BlobSweeper.Result(0, 0));
        assertThat(batchSizes).isEmpty();
    }
}
