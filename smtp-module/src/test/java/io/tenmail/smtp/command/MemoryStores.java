package io.tenmail.smtp.command;

import io.tenmail.storage.BlobStore;
import io.tenmail.storage.MailQueue;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.BlobId;
import io.tenmail.storage.model.Page;
import io.tenmail.storage.model.QueueEntry;
import io.tenmail.storage.model.QueueEntryId;
import io.tenmail.storage.model.QueuedMail;
import io.tenmail.storage.model.QueuedRecipient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A blob store and a queue in memory, for session-level tests; either can be told to fail. Only
 * what SMTP uses is implemented: {@link BlobStore#put} and {@link MailQueue#enqueue}.
 */
final class MemoryStores {
    final Map<BlobId, byte[]> blobs = new HashMap<>();
    final List<QueuedMail> queued = new ArrayList<>();
    StoreException blobFailure;
    StoreException queueFailure;

    /** The content of the i-th queued mail. */
    String content(int i) {
        return new String(blobs.get(queued.get(i).blob()), StandardCharsets.ISO_8859_1);
    }

    final BlobStore blobStore = new BlobStore() {
        @Override
        public StoredBlob put(InputStream content, long maxBytes) throws StoreException {
            if (blobFailure != null) throw blobFailure;
            try {
                byte[] bytes = content.readAllBytes();
                if (bytes.length > maxBytes) throw new StoreException(StoreException.Reason.TOO_BIG, "too big");
                BlobId id = new BlobId(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
                blobs.put(id, bytes);
                return new StoredBlob(id, bytes.length);
            } catch (IOException e) {
                throw new StoreException(StoreException.Reason.TEMPORARY, e.getMessage(), e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public InputStream open(BlobId id) {
            return new ByteArrayInputStream(blobs.get(id));
        }

        @Override
        public InputStream open(BlobId id, long offset) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long size(BlobId id) {
            return blobs.get(id).length;
        }

        @Override
        public boolean exists(BlobId id) {
            return blobs.containsKey(id);
        }

        @Override
        public void delete(BlobId id) {
            blobs.remove(id);
        }
    };

    final MailQueue mailQueue = new MailQueue() {
        @Override
        public QueueEntryId enqueue(QueuedMail mail) throws StoreException {
            if (queueFailure != null) throw queueFailure;
            queued.add(mail);
            return new QueueEntryId(queued.size());
        }

        @Override
        public List<QueueEntry> lease(int max, Duration lease) {
            throw new UnsupportedOperationException();
        }

        @Override
        public QueueEntry enqueueLeased(QueuedMail mail, Duration lease) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int releaseLeasesOfThisNode() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void update(QueueEntry entry, String processor, List<QueuedRecipient> recipients) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void complete(QueueEntry entry) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int completeAll(List<QueueEntry> entries) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void reschedule(QueueEntry entry, Instant next, String error) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void moveToError(QueueEntry entry, String error) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<QueueEntry> list(String processor, int offset, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void retryNow(QueueEntryId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(QueueEntryId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long size() {
            return queued.size();
        }

        @Override
        public Duration untilNextDue() {
            throw new UnsupportedOperationException();
        }
    };
}
