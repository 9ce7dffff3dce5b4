package io.tenmail.storage.bench;

import io.tenmail.storage.BlobStore;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.StorageSettings;

import io.tenmail.storage.TestDatabases;
import io.tenmail.storage.blob.FileBlobStore;
import io.tenmail.storage.events.InMemoryMailboxEvents;
import io.tenmail.storage.jpa.Database;
import io.tenmail.storage.jpa.JpaDirectory;
import io.tenmail.storage.jpa.JpaDirectoryAdmin;
import io.tenmail.storage.jpa.Transactions;
import io.tenmail.storage.jpa.mailbox.JpaMailboxStore;
import io.tenmail.storage.mime.MessageParser;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.MailboxName;
import io.tenmail.storage.model.NewMessage;
import io.tenmail.storage.model.ParsedMessage;
import io.tenmail.storage.model.TenantId;
import io.tenmail.storage.model.UidRange;

import java.io.ByteArrayInputStream;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The store's benchmark (issue 2): durable appends of 10 KB messages per second into one mailbox
 * and into 100 mailboxes, and listing the flags of a 100,000-message mailbox. A durable append is
 * what local delivery does per message: the bytes to the blob store (fsync, rename), one parse,
 * the message row committed. Run by {@code scripts/bench-storage}; not part of the test suite.
 *
 * <p>Arguments: {@code derby|postgres [appends] [threads] [listSize]}.
 */
public final class StoreBenchmark {

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "derby";
        int appends = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int listSize = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        Path dir = Files.createTempDirectory("tenmail-bench");
        StorageSettings settings = db.equals("postgres") ? TestDatabases.freshPostgres(dir) : TestDatabases.derby(dir);
        try (Database database = new Database(settings)) {
            new StoreBenchmark(database, dir.resolve("blobs")).run(db, appends, threads, listSize);
        }
    }

    private final MailboxStore store;
    private final JpaDirectoryAdmin admin;
    private final BlobStore blobs;
    private final MessageParser parser = new MessageParser();

    private StoreBenchmark(Database database, Path blobDir) {
        Transactions tx = new Transactions(database.entityManagerFactory());
        this.admin = new JpaDirectoryAdmin(tx);
        this.store = new JpaMailboxStore(tx, new InMemoryMailboxEvents(), new JpaDirectory(tx));
        this.blobs = new FileBlobStore(blobDir);
    }

    private void run(String db, int appends, int threads, int listSize) throws Exception {
        TenantId tenant = admin.createTenant("bench", 0, 0).id();
        admin.createDomain(tenant, "bench.test");
        List<MailboxId> inboxes = new ArrayList<>();
        List<AccountId> owners = new ArrayList<>();
        for (int i = 1; i <= 102; i++) {
            AccountId owner = admin.createAccount(tenant, EmailAddress.parse("user" + i + "@bench.test"), "", "secret-" + i, 0).id();
            store.ensureDefaultMailboxes(owner);
            owners.add(owner);
            inboxes.add(store.mailbox(owner, MailboxName.INBOX).orElseThrow().id());
        }
        // warm-up: JIT, connection pool, statement caches
        appendDurably(owners.subList(0, 1), inboxes.subList(0, 1), 200, threads, 0);

        double one = appendDurably(owners.subList(0, 1), inboxes.subList(0, 1), appends, threads, 1_000_000);
        report(db, "durable appends, 1 mailbox", appends, threads, one);
        double hundred = appendDurably(owners.subList(1, 101), inboxes.subList(1, 101), appends, threads, 2_000_000);
        report(db, "durable appends, 100 mailboxes", appends, threads, hundred);

        listFlags(db, owners.get(101), inboxes.get(101), listSize, threads);   // an account of its own
    }

    /** Appends {@code count} distinct 10 KB messages round-robin over the mailboxes; returns msgs/s. */
    private double appendDurably(List<AccountId> owners, List<MailboxId> inboxes, int count, int threads, int seed)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    int box = i % inboxes.size();
                    byte[] message = message(seed + i);
                    BlobStore.StoredBlob blob = blobs.put(new ByteArrayInputStream(message), Long.MAX_VALUE);
                    ParsedMessage parsed = parser.parse(new ByteArrayInputStream(message));
                    store.append(owners.get(box), inboxes.get(box),
                            new NewMessage(blob.id(), blob.size(), parsed, Flags.NONE, Instant.now()));
                }
                return null;
            }));
        }
        for (Future<?> f : done) f.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return count / seconds;
    }

    /** Fills one mailbox to {@code size} messages (one shared blob) and times listing all flags. */
    private void listFlags(String db, AccountId owner, MailboxId inbox, int size, int threads) throws Exception {
        byte[] message = message(3_000_000);
        BlobStore.StoredBlob blob = blobs.put(new ByteArrayInputStream(message), Long.MAX_VALUE);
        ParsedMessage parsed = parser.parse(new ByteArrayInputStream(message));
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        long fill = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < size; i = next.getAndIncrement()) {
                    Flags flags = i % 3 == 0 ? Flags.of(Flags.SystemFlag.SEEN) : Flags.NONE;
                    store.append(owner, inbox, new NewMessage(blob.id(), blob.size(), parsed, flags, Instant.now()));
                }
                return null;
            }));
        }
        for (Future<?> f : done) f.get();
        pool.shutdown();
        System.out.printf("%s: filled a mailbox with %d messages in %.0f s%n", db, size, (System.nanoTime() - fill) / 1e9);
        long[] ms = new long[7];
        for (int r = 0; r < ms.length; r++) {
            long start = System.nanoTime();
            int listed = store.messages(owner, inbox, List.of(UidRange.ALL)).size();
            ms[r] = (System.nanoTime() - start) / 1_000_000;
            if (listed != size) throw new IllegalStateException("listed " + listed + " of " + size);
        }
        Arrays.sort(ms);
        System.out.printf("%s: list flags of %d messages: median %d ms (min %d, max %d, 7 runs)%n",
                db, size, ms[3], ms[0], ms[6]);
        System.out.printf("RESULT {\"db\":\"%s\",\"case\":\"list flags\",\"messages\":%d,\"median_ms\":%d}%n", db, size, ms[3]);
    }

    private static void report(String db, String what, int count, int threads, double rate) {
        System.out.printf("%s: %s: %d x 10 KB, %d threads: %.0f msgs/s%n", db, what, count, threads, rate);
        System.out.printf("RESULT {\"db\":\"%s\",\"case\":\"%s\",\"count\":%d,\"threads\":%d,\"msgs_per_s\":%.1f}%n",
                db, what, count, threads, rate);
    }

    /** A distinct ~10 KB message (distinct bytes, so every blob put writes and fsyncs a new file). */
    private static byte[] message(int n) {
        StringBuilder m = new StringBuilder(10_400);
        m.append("From: load@load.test\r\nTo: user@bench.test\r\nSubject: bench ").append(n)
                .append("\r\nMessage-ID: <bench-").append(n).append("@load.test>\r\nDate: Sat, 21 Nov 2026 12:00:00 +0000\r\n\r\n");
        String line = "x".repeat(76) + "\r\n";
        while (m.length() < 10_240 - line.length()) m.append(line);
        return m.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
