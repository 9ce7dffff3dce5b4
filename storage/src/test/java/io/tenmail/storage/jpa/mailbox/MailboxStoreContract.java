package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.MailboxStore.FlagResult;
import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.jpa.Database;
import io.tenmail.storage.jpa.RowCounter;
import io.tenmail.storage.jpa.Transactions;
import io.tenmail.storage.mime.MessageParser;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.AppendResult;
import io.tenmail.storage.model.BlobId;
import io.tenmail.storage.model.Changes;
import io.tenmail.storage.model.CopyResult;
import io.tenmail.storage.model.DeliveryKey;
import io.tenmail.storage.model.FlagUpdate;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.Flags.SystemFlag;
import io.tenmail.storage.model.MailboxEvent;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.MailboxInfo;
import io.tenmail.storage.model.MailboxName;
import io.tenmail.storage.model.MessageFlags;
import io.tenmail.storage.model.MessageMeta;
import io.tenmail.storage.model.ModSeq;
import io.tenmail.storage.model.NewMessage;
import io.tenmail.storage.model.ParsedMessage;
import io.tenmail.storage.model.QuotaUsage;
import io.tenmail.storage.model.SpecialUse;
import io.tenmail.storage.model.Uid;
import io.tenmail.storage.model.UidRange;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@link MailboxStore} contract, run against each database by a subclass. Every test works in
 * accounts of its own, so one database serves the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MailboxStoreContract {
    private static final Logger log = LoggerFactory.getLogger(MailboxStoreContract.class);
    private static final MailboxName INBOX = MailboxName.INBOX;

    private final MessageParser parser = new MessageParser();
    private Database database;
    RecordingMailboxEvents events;
    TestDirectory directory;
    MailboxStore store;
    RowCounter rows;

    /** The database to run on; may skip the class with an assumption. */
    abstract StorageSettings settings(Path dataDir);

    @BeforeAll
    void openStore(@TempDir Path dataDir) {
        database = new Database(settings(dataDir));
        events = new RecordingMailboxEvents();
        Transactions tx = new Transactions(database.entityManagerFactory());
        directory = new TestDirectory(tx);
        store = new JpaMailboxStore(tx, events, directory);
        rows = new RowCounter(database);
    }

    @AfterAll
    void closeStore() {
        if (database != null) database.close();
    }

    @BeforeEach
    void noHook() {
        events.onPublish(e -> { });
    }

    // ---- helpers

    AccountId account() {
        return directory.add(0);
    }

    MailboxId inbox(AccountId owner) throws StoreException {
        store.ensureDefaultMailboxes(owner);
        return store.mailbox(owner, INBOX).orElseThrow().id();
    }

    MailboxId create(AccountId owner, String name) throws StoreException {
        return store.createMailbox(owner, new MailboxName(name), Optional.empty()).id();
    }

    MailboxInfo info(AccountId owner, MailboxId id) throws StoreException {
        return store.mailbox(owner, id);
    }

    NewMessage message(String subject, Flags flags) {
        byte[] bytes = ("From: a@example.test\r\nSubject: " + subject + "\r\nMessage-ID: <" + UUID.randomUUID()
                + "@example.test>\r\n\r\nHello, " + subject + "\r\n").getBytes(StandardCharsets.UTF_8);
        return new NewMessage(blobOf(bytes), bytes.length, parse(bytes), flags, Instant.parse("2025-01-06T10:00:00Z"));
    }

    AppendResult append(AccountId owner, MailboxId mailbox, Flags flags) throws StoreException {
        return store.append(owner, mailbox, message("m", flags));
    }

    AppendResult append(AccountId owner, MailboxId mailbox, SystemFlag... flags) throws StoreException {
        return append(owner, mailbox, Flags.of(flags));
    }

    List<Long> uids(AccountId owner, MailboxId mailbox) throws StoreException {
        return store.messages(owner, mailbox, List.of(UidRange.ALL)).stream().map(m -> m.uid().value()).toList();
    }

    MessageMeta meta(AccountId owner, MailboxId mailbox, Uid uid) throws StoreException {
        return store.messages(owner, mailbox, List.of(UidRange.of(uid))).get(0);
    }

    static List<Long> values(List<Uid> uids) {
        return uids.stream().map(Uid::value).toList();
    }

    static UidRange range(long first, long last) {
        return new UidRange(first, last);
    }

    static Flags keywords(String... keywords) {
        return new Flags(Set.of(), Set.of(keywords));
    }

    ParsedMessage parse(byte[] bytes) {
        try {
            return parser.parse(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static BlobId blobOf(byte[] bytes) {
        try {
            return new BlobId(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertReason(Reason reason, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Nested
    class Mailboxes {
        @Test
        void defaultMailboxesAreCreatedOnceWithTheirSpecialUses() throws StoreException {
            AccountId owner = account();
            store.ensureDefaultMailboxes(owner);
            store.ensureDefaultMailboxes(owner);
            List<MailboxInfo> all = store.mailboxes(owner);
            assertThat(all).extracting(m -> m.name().path()).containsExactly("Archive", "Drafts", "INBOX", "Junk", "Sent", "Trash");
            assertThat(all).allMatch(MailboxInfo::subscribed);
            assertThat(store.mailbox(owner, INBOX).orElseThrow().specialUse()).isEmpty();
            for (SpecialUse use : List.of(SpecialUse.SENT, SpecialUse.DRAFTS, SpecialUse.JUNK, SpecialUse.TRASH, SpecialUse.ARCHIVE)) {
                assertThat(store.mailbox(owner, use)).as(use.name()).get().extracting(MailboxInfo::specialUse).isEqualTo(Optional.of(use));
            }
            assertThat(store.mailbox(owner, SpecialUse.FLAGGED)).isEmpty();
            assertThat(all).extracting(m -> m.uidValidity().value()).doesNotHaveDuplicates();
        }

        @Test
        void ensureDefaultMailboxesIsSafeUnderConcurrentCalls() throws Exception {
            AccountId owner = account();
            List<Callable<Void>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> {
                    store.ensureDefaultMailboxes(owner);
                    return null;
                });
            }
            runConcurrently(calls);
            assertThat(store.mailboxes(owner)).hasSize(6);
        }

        @Test
        void defaultsRespectASpecialUseTheUserAlreadyGaveAnotherMailbox() throws StoreException {
            AccountId owner = account();
            store.createMailbox(owner, new MailboxName("Sent Items"), Optional.of(SpecialUse.SENT));
            create(owner, "Trash");
            store.ensureDefaultMailboxes(owner);
            assertThat(store.mailbox(owner, new MailboxName("Sent"))).isEmpty();
            assertThat(store.mailbox(owner, SpecialUse.SENT).orElseThrow().name().path()).isEqualTo("Sent Items");
            assertThat(store.mailbox(owner, SpecialUse.TRASH).orElseThrow().name().path()).isEqualTo("Trash");
        }

        @Test
        void createMakesMissingParentsAndAFreshEmptyMailbox() throws StoreException {
            AccountId owner = account();
            MailboxInfo q1 = store.createMailbox(owner, new MailboxName("Projects/2026/Q1"), Optional.empty());
            assertThat(q1.uidNext()).isEqualTo(1);
            assertThat(q1.messages()).isZero();
            assertThat(q1.highestModSeq().value()).isZero();
            assertThat(q1.subscribed()).isFalse();
            assertThat(store.mailboxes(owner)).extracting(m -> m.name().path()).containsExactly("Projects", "Projects/2026", "Projects/2026/Q1");
            assertThat(store.mailbox(owner, new MailboxName("Projects")).orElseThrow().specialUse()).isEmpty();
        }

        @Test
        void creatingAnExistingNameOrATakenSpecialUseIsAlreadyExists() throws StoreException {
            AccountId owner = account();
            inbox(owner);
            assertReason(Reason.ALREADY_EXISTS, () -> create(owner, "Sent"));
            assertReason(Reason.ALREADY_EXISTS, () -> create(owner, "inbox"));
            assertReason(Reason.ALREADY_EXISTS, () -> store.createMailbox(owner, new MailboxName("Outbox"), Optional.of(SpecialUse.SENT)));
            assertThat(store.mailbox(owner, new MailboxName("Outbox"))).isEmpty();
        }

        @Test
        void aNameCreatedAgainGetsANewUidValidity() throws StoreException {
            AccountId owner = account();
            MailboxInfo first = store.createMailbox(owner, new MailboxName("Again"), Optional.empty());
            store.deleteMailbox(owner, new MailboxName("Again"));
            MailboxInfo second = store.createMailbox(owner, new MailboxName("Again"), Optional.empty());
            assertThat(second.uidValidity().value()).isGreaterThan(first.uidValidity().value());
            assertThat(second.id()).isNotEqualTo(first.id());
        }

        @Test
        void longAndNonAsciiNamesRoundTrip() throws StoreException {
            AccountId owner = account();
            for (String name : List.of("x".repeat(MailboxName.MAX_LENGTH), "é".repeat(MailboxName.MAX_LENGTH), "Entwürfe/日本語")) {
                MailboxId id = create(owner, name);
                assertThat(info(owner, id).name().path()).isEqualTo(name);
                assertThat(store.mailbox(owner, new MailboxName(name))).isPresent();
            }
        }

        @Test
        void subscriptionIsStoredAndAMissingMailboxIsNotFound() throws StoreException {
            AccountId owner = account();
            MailboxId id = create(owner, "News");
            store.setSubscribed(owner, new MailboxName("News"), true);
            assertThat(info(owner, id).subscribed()).isTrue();
            store.setSubscribed(owner, new MailboxName("News"), false);
            assertThat(info(owner, id).subscribed()).isFalse();
            assertReason(Reason.NOT_FOUND, () -> store.setSubscribed(owner, new MailboxName("Missing"), true));
        }

        @Test
        void deleteRemovesTheMailboxAndItsMessagesButNotItsChildren() throws StoreException {
            AccountId owner = account();
            MailboxId parent = create(owner, "Old");
            MailboxId child = create(owner, "Old/Child");
            append(owner, parent);
            append(owner, parent);
            append(owner, child);
            long childSize = info(owner, child).sizeBytes();
            store.deleteMailbox(owner, new MailboxName("Old"));
            assertThat(store.mailbox(owner, new MailboxName("Old"))).isEmpty();
            assertReason(Reason.NOT_FOUND, () -> store.mailbox(owner, parent));
            assertReason(Reason.NOT_FOUND, () -> store.messages(owner, parent, List.of(UidRange.ALL)));
            assertThat(uids(owner, child)).containsExactly(1L);
            assertThat(store.quota(owner).messages()).isEqualTo(1);
            assertThat(store.quota(owner).usedBytes()).isEqualTo(childSize);
            assertThat(events.of(parent)).last().extracting(MailboxEvent::kind).isEqualTo(MailboxEvent.Kind.DELETED);
        }

        @Test
        void inboxCannotBeDeletedAndAMissingMailboxIsNotFound() throws StoreException {
            AccountId owner = account();
            inbox(owner);
            assertReason(Reason.INVALID, () -> store.deleteMailbox(owner, INBOX));
            assertReason(Reason.NOT_FOUND, () -> store.deleteMailbox(owner, new MailboxName("Nowhere")));
            assertThat(store.mailbox(owner, INBOX)).isPresent();
        }
    }

    @Nested
    class Renaming {
        @Test
        void renameMovesChildrenAndKeepsIdsUidValiditiesAndMessages() throws StoreException {
            AccountId owner = account();
            MailboxId work = create(owner, "Work");
            MailboxId sub = create(owner, "Work/2025");
            append(owner, sub);
            MailboxInfo before = info(owner, work);
            store.renameMailbox(owner, new MailboxName("Work"), new MailboxName("Archive/Work"));
            assertThat(store.mailboxes(owner)).extracting(m -> m.name().path()).containsExactly("Archive", "Archive/Work", "Archive/Work/2025");
            MailboxInfo after = info(owner, work);
            assertThat(after.name().path()).isEqualTo("Archive/Work");
            assertThat(after.uidValidity()).isEqualTo(before.uidValidity());
            assertThat(info(owner, sub).name().path()).isEqualTo("Archive/Work/2025");
            assertThat(uids(owner, sub)).containsExactly(1L);
            assertThat(events.of(work)).last().extracting(MailboxEvent::kind).isEqualTo(MailboxEvent.Kind.RENAMED);
            assertThat(events.of(sub)).last().extracting(MailboxEvent::kind).isEqualTo(MailboxEvent.Kind.RENAMED);
        }

        @Test
        void renameRefusesMissingSourcesExistingTargetsAndItsOwnChildren() throws StoreException {
            AccountId owner = account();
            inbox(owner);
            create(owner, "A/B");
            create(owner, "C/B");
            assertReason(Reason.NOT_FOUND, () -> store.renameMailbox(owner, new MailboxName("Nope"), new MailboxName("X")));
            assertReason(Reason.ALREADY_EXISTS, () -> store.renameMailbox(owner, new MailboxName("A"), new MailboxName("Sent")));
            assertReason(Reason.ALREADY_EXISTS, () -> store.renameMailbox(owner, new MailboxName("A"), INBOX));
            assertReason(Reason.ALREADY_EXISTS, () -> store.renameMailbox(owner, new MailboxName("A"), new MailboxName("C")));
            assertReason(Reason.INVALID, () -> store.renameMailbox(owner, new MailboxName("A"), new MailboxName("A/B/C")));
            assertThat(store.mailboxes(owner)).extracting(m -> m.name().path()).contains("A", "A/B", "C", "C/B");
        }

        @Test
        void renamingInboxMovesItsMessagesAndLeavesItEmpty() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            MailboxId child = create(owner, "INBOX/Kept");
            append(owner, inbox, SystemFlag.SEEN);
            append(owner, inbox);
            append(owner, inbox, SystemFlag.FLAGGED);
            MailboxInfo before = info(owner, inbox);
            QuotaUsage quota = store.quota(owner);

            store.renameMailbox(owner, INBOX, new MailboxName("Old Mail/2025"));

            MailboxInfo moved = store.mailbox(owner, new MailboxName("Old Mail/2025")).orElseThrow();
            assertThat(store.mailbox(owner, new MailboxName("Old Mail"))).isPresent();
            assertThat(moved.messages()).isEqualTo(3);
            assertThat(moved.unseen()).isEqualTo(2);
            assertThat(moved.sizeBytes()).isEqualTo(before.sizeBytes());
            assertThat(moved.uidNext()).isEqualTo(4);
            assertThat(moved.uidValidity()).isNotEqualTo(before.uidValidity());
            assertThat(uids(owner, moved.id())).containsExactly(1L, 2L, 3L);
            assertThat(meta(owner, moved.id(), new Uid(3)).flags().has(SystemFlag.FLAGGED)).isTrue();

            MailboxInfo empty = info(owner, inbox);
            assertThat(empty.name()).isEqualTo(INBOX);
            assertThat(empty.uidValidity()).isEqualTo(before.uidValidity());
            assertThat(empty.messages()).isZero();
            assertThat(empty.unseen()).isZero();
            assertThat(empty.sizeBytes()).isZero();
            assertThat(empty.highestModSeq()).isGreaterThan(before.highestModSeq());
            assertThat(values(store.changesSince(owner, inbox, before.highestModSeq()).expunged())).containsExactly(1L, 2L, 3L);
            assertThat(append(owner, inbox).uid().value()).isEqualTo(4);   // UIDs are not reused
            assertThat(info(owner, child).name().path()).isEqualTo("INBOX/Kept");
            assertThat(store.quota(owner).messages()).isEqualTo(quota.messages() + 1);
            assertThat(events.of(inbox)).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo(MailboxEvent.Kind.EXPUNGED);
                assertThat(values(e.uids())).containsExactly(1L, 2L, 3L);
            });
        }
    }

    @Nested
    class Appending {
        @Test
        void appendsGetIncreasingUidsAndModSeqsAndUpdateTheCounters() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            NewMessage first = message("one", Flags.of(SystemFlag.SEEN));
            AppendResult a = store.append(owner, inbox, first);
            AppendResult b = append(owner, inbox);
            AppendResult c = append(owner, inbox, SystemFlag.DRAFT);
            assertThat(List.of(a.uid().value(), b.uid().value(), c.uid().value())).containsExactly(1L, 2L, 3L);
            assertThat(a.modSeq()).isLessThan(b.modSeq());
            assertThat(b.modSeq()).isLessThan(c.modSeq());
            MailboxInfo info = info(owner, inbox);
            assertThat(a.uidValidity()).isEqualTo(info.uidValidity());
            assertThat(a.mailbox()).isEqualTo(inbox);
            assertThat(info.uidNext()).isEqualTo(4);
            assertThat(info.messages()).isEqualTo(3);
            assertThat(info.unseen()).isEqualTo(2);
            assertThat(info.highestModSeq()).isEqualTo(c.modSeq());
            long size = store.messages(owner, inbox, List.of(UidRange.ALL)).stream().mapToLong(MessageMeta::size).sum();
            assertThat(info.sizeBytes()).isEqualTo(size);
        }

        @Test
        void appendKeepsFlagsInternalDateSizeBlobAndParsedStructure() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            Instant date = Instant.parse("2024-02-29T23:59:58.123Z");
            NewMessage m = message("kept", new Flags(Set.of(SystemFlag.ANSWERED, SystemFlag.FLAGGED), Set.of("$Forwarded", "Project-X")));
            m = new NewMessage(m.blob(), m.size(), m.parsed(), m.flags(), date);
            AppendResult r = store.append(owner, inbox, m);
            MessageMeta meta = meta(owner, inbox, r.uid());
            assertThat(meta.mailbox()).isEqualTo(inbox);
            assertThat(meta.modSeq()).isEqualTo(r.modSeq());
            assertThat(meta.flags()).isEqualTo(m.flags());
            assertThat(meta.internalDate()).isEqualTo(date);
            assertThat(meta.size()).isEqualTo(m.size());
            assertThat(meta.blob()).isEqualTo(m.blob());
            assertThat(store.parsed(owner, inbox, r.uid())).isEqualTo(m.parsed());
            assertThat(store.parsed(owner, inbox, r.uid()).subject()).isEqualTo("kept");
        }

        @Test
        void aMessageWithoutDateOrFlagsGetsNowAndNoFlags() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            NewMessage m = message("bare", Flags.NONE);
            Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            AppendResult r = store.append(owner, inbox, new NewMessage(m.blob(), m.size(), m.parsed(), null, null));
            MessageMeta meta = meta(owner, inbox, r.uid());
            assertThat(meta.flags()).isEqualTo(Flags.NONE);
            assertThat(meta.internalDate()).isBetween(before, Instant.now());
        }

        @Test
        void oneBlobAppendedTwiceSharesItsStructure() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            MailboxId other = create(owner, "Other");
            NewMessage m = message("shared", Flags.NONE);
            AppendResult a = store.append(owner, inbox, m);
            AppendResult b = store.append(owner, other, m);
            assertThat(store.parsed(owner, inbox, a.uid())).isEqualTo(store.parsed(owner, other, b.uid()));
        }

        @Test
        void theEventIsPublishedAfterTheCommit() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            List<Long> seenByListener = new ArrayList<>();
            events.onPublish(e -> {
                try {
                    seenByListener.add(info(owner, inbox).messages());   // another transaction must see the change
                } catch (StoreException ex) {
                    throw new IllegalStateException(ex);
                }
            });
            AppendResult r = append(owner, inbox);
            assertThat(seenByListener).containsExactly(1L);
            MailboxEvent event = events.of(inbox).get(events.of(inbox).size() - 1);
            assertThat(event.kind()).isEqualTo(MailboxEvent.Kind.APPENDED);
            assertThat(event.owner()).isEqualTo(owner);
            assertThat(event.uids()).containsExactly(r.uid());
            assertThat(event.highestModSeq()).isEqualTo(r.modSeq());
        }

        @Test
        void aFailingListenerDoesNotFailTheCommittedAppend() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            events.onPublish(e -> {
                throw new IllegalStateException("listener bug");
            });
            AppendResult r = append(owner, inbox);
            assertThat(uids(owner, inbox)).containsExactly(r.uid().value());
        }

        @Test
        void aParsedStructureOfAMissingMessageIsNotFound() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            assertReason(Reason.NOT_FOUND, () -> store.parsed(owner, inbox, new Uid(7)));
        }

        @Test
        void aKeywordThatCannotBeStoredIsInvalid() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            assertReason(Reason.INVALID, () -> append(owner, inbox, keywords("two words")));
            assertThat(info(owner, inbox).messages()).isZero();
        }
    }

    @Nested
    class Listing {
        @Test
        void rangesAreMergedAndMessagesComeInUidOrder() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            for (int i = 0; i < 10; i++) append(owner, inbox);
            List<MessageMeta> found = store.messages(owner, inbox, List.of(range(8, 9), range(1, 2), range(2, 3), range(5, 5), range(9, Uid.MAX)));
            assertThat(found).extracting(m -> m.uid().value()).containsExactly(1L, 2L, 3L, 5L, 8L, 9L, 10L);
            assertThat(store.messages(owner, inbox, List.of())).isEmpty();
            assertThat(store.messages(owner, inbox, List.of(range(11, Uid.MAX)))).isEmpty();
        }

        @Test
        void manyRangesAreReadInChunks() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            for (int i = 0; i < 300; i++) append(owner, inbox);
            List<UidRange> odd = new ArrayList<>();
            for (long uid = 299; uid >= 1; uid -= 2) odd.add(range(uid, uid));
            List<MessageMeta> found = store.messages(owner, inbox, odd);
            assertThat(found).hasSize(150);
            assertThat(found).extracting(m -> m.uid().value()).isSorted().allMatch(uid -> uid % 2 == 1);
        }

        @Test
        void parsesAreReadInBatchesInUidOrderWithoutMissingOrUnaskedMessages() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            List<NewMessage> sent = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                NewMessage m = message("batch " + i, Flags.NONE);
                sent.add(m);
                store.append(owner, inbox, m);
            }
            store.storeFlags(owner, inbox, List.of(range(10, 19)), FlagUpdate.ADD, Flags.of(SystemFlag.DELETED), Optional.empty());
            store.expunge(owner, inbox, Optional.empty());
            List<UidRange> wanted = List.of(range(150, 300), range(5, 12), range(100, 100), range(120, 130));
            var parsed = store.parsed(owner, inbox, wanted);
            List<Long> expected = new ArrayList<>();
            for (long uid = 1; uid <= 200; uid++) {
                if (uid >= 10 && uid <= 19) continue;
                long u = uid;
                if (wanted.stream().anyMatch(r -> r.contains(u))) expected.add(uid);
            }
            assertThat(parsed.keySet()).extracting(Uid::value).containsExactlyElementsOf(expected);
            parsed.forEach((uid, p) -> assertThat(p).isEqualTo(sent.get((int) uid.value() - 1).parsed()));
            assertThat(store.parsed(owner, inbox, List.of())).isEmpty();
            assertThat(store.parsed(owner, inbox, List.of(range(201, Uid.MAX)))).isEmpty();
        }

        @Test
        void copiesSharingABlobShareOneDecodedParse() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            NewMessage m = message("shared", Flags.NONE);
            store.append(owner, inbox, m);
            store.append(owner, inbox, m);
            var parsed = store.parsed(owner, inbox, List.of(UidRange.ALL));
            assertThat(parsed).hasSize(2);
            assertThat(parsed.get(new Uid(1))).isSameAs(parsed.get(new Uid(2))).isEqualTo(m.parsed());
        }
    }

    @Nested
    class StoringFlags {
        @Test
        void addRemoveAndReplaceChangeFlagsAndTheUnseenCount() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            append(owner, inbox);
            append(owner, inbox, SystemFlag.SEEN);
            List<UidRange> all = List.of(UidRange.ALL);

            store.storeFlags(owner, inbox, all, FlagUpdate.ADD, new Flags(Set.of(SystemFlag.SEEN), Set.of("$Label1")), Optional.empty());
            assertThat(info(owner, inbox).unseen()).isZero();
            assertThat(store.messages(owner, inbox, all)).allMatch(m -> m.flags().has(SystemFlag.SEEN) && m.flags().hasKeyword("$label1"));

            store.storeFlags(owner, inbox, List.of(range(1, 1)), FlagUpdate.REMOVE, new Flags(Set.of(SystemFlag.SEEN), Set.of("$LABEL1")), Optional.empty());
            assertThat(meta(owner, inbox, new Uid(1)).flags()).isEqualTo(Flags.NONE);
            assertThat(info(owner, inbox).unseen()).isEqualTo(1);

            store.storeFlags(owner, inbox, all, FlagUpdate.REPLACE, new Flags(Set.of(SystemFlag.FLAGGED), Set.of("Work")), Optional.empty());
            assertThat(store.messages(owner, inbox, all)).allMatch(m -> m.flags().equals(new Flags(Set.of(SystemFlag.FLAGGED), Set.of("Work"))));
            assertThat(info(owner, inbox).unseen()).isEqualTo(2);
        }

        @Test
        void theFlagListingGivesEveryMessagesUidModseqFlagsSizeDateAndBlobAsTheFullListingDoes() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            append(owner, inbox, SystemFlag.SEEN);
            append(owner, inbox, keywords("Work"));
            append(owner, inbox);
            store.expunge(owner, inbox, Optional.empty());
            store.storeFlags(owner, inbox, List.of(range(3, 3)), FlagUpdate.ADD, Flags.of(SystemFlag.DELETED), Optional.empty());

            List<MessageFlags> listed = store.flags(owner, inbox);

            assertThat(listed).containsExactlyElementsOf(store.messages(owner, inbox, List.of(UidRange.ALL)).stream()
                    .map(MessageFlags::of).toList());
            assertThat(listed).extracting(MessageFlags::uid).containsExactly(1L, 2L, 3L);
            assertThat(listed.get(1).flags().hasKeyword("Work")).isTrue();
            assertReason(Reason.NOT_FOUND, () -> store.flags(account(), inbox));
        }

        @Test
        void changedMessagesShareOneNewModSeqAndUnchangedOnesKeepTheirs() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            AppendResult seen = append(owner, inbox, SystemFlag.SEEN);
            append(owner, inbox);
            append(owner, inbox);
            ModSeq highest = info(owner, inbox).highestModSeq();

            FlagResult result = store.storeFlags(owner, inbox, List.of(UidRange.ALL), FlagUpdate.ADD, Flags.of(SystemFlag.SEEN), Optional.empty());

            assertThat(result.updated()).extracting(m -> m.uid().value()).containsExactly(2L, 3L);
            assertThat(result.updated()).extracting(MessageMeta::modSeq).containsOnly(new ModSeq(highest.value() + 1));
            assertThat(result.updated()).allMatch(m -> m.flags().has(SystemFlag.SEEN));
            assertThat(result.failed()).isEmpty();
            assertThat(meta(owner, inbox, seen.uid()).modSeq()).isEqualTo(seen.modSeq());
            assertThat(info(owner, inbox).highestModSeq().value()).isEqualTo(highest.value() + 1);
            MailboxEvent event = events.of(inbox).get(events.of(inbox).size() - 1);
            assertThat(event.kind()).isEqualTo(MailboxEvent.Kind.FLAGS_CHANGED);
            assertThat(values(event.uids())).containsExactly(2L, 3L);
        }

        @Test
        void aStoreThatChangesNothingTakesNoModSeqAndPublishesNothing() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            append(owner, inbox, new Flags(Set.of(SystemFlag.SEEN), Set.of("$Label1")));
            ModSeq highest = info(owner, inbox).highestModSeq();
            int published = events.of(inbox).size();
            FlagResult add = store.storeFlags(owner, inbox, List.of(UidRange.ALL), FlagUpdate.ADD, Flags.of(SystemFlag.SEEN), Optional.empty());
            // only the case of a keyword differs: no change either (keywords compare case-insensitively)
            FlagResult replace = store.storeFlags(owner, inbox, List.of(UidRange.ALL), FlagUpdate.REPLACE,
                    new Flags(Set.of(SystemFlag.SEEN), Set.of("$LABEL1")), Optional.empty());
            assertThat(add.updated()).isEmpty();
            assertThat(replace.updated()).isEmpty();
            assertThat(meta(owner, inbox, new Uid(1)).flags().keywords()).containsExactly("$Label1");
            assertThat(info(owner, inbox).highestModSeq()).isEqualTo(highest);
            assertThat(events.of(inbox)).hasSize(published);
        }

        @Test
        void unchangedSinceLeavesNewerMessagesAloneAndReportsThem() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            AppendResult older = append(owner, inbox);
            AppendResult newer = append(owner, inbox);
            FlagResult result = store.storeFlags(owner, inbox, List.of(UidRange.ALL), FlagUpdate.ADD, Flags.of(SystemFlag.FLAGGED),
                    Optional.of(older.modSeq()));
            assertThat(result.updated()).extracting(MessageMeta::uid).containsExactly(older.uid());
            assertThat(result.failed()).containsExactly(newer.uid());
            assertThat(meta(owner, inbox, newer.uid()).flags().has(SystemFlag.FLAGGED)).isFalse();
            assertThat(meta(owner, inbox, newer.uid()).modSeq()).isEqualTo(newer.modSeq());

            // RFC 7162 §3.1.3: UNCHANGEDSINCE 0 always fails
            FlagResult zero = store.storeFlags(owner, inbox, List.of(UidRange.ALL), FlagUpdate.ADD, Flags.of(SystemFlag.SEEN),
                    Optional.of(new ModSeq(0)));
            assertThat(zero.updated()).isEmpty();
            assertThat(zero.failed()).containsExactly(older.uid(), newer.uid());
        }

        @Test
        void onlyTheRequestedMessagesChangeEvenWhenTheirNeighboursLookTheSame() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            for (int i = 0; i < 6; i++) append(owner, inbox, i == 4 ? new SystemFlag[]{SystemFlag.SEEN} : new SystemFlag[0]);
            FlagResult result = store.storeFlags(owner, inbox, List.of(range(5, 5), range(1, 1), range(3, 3)), FlagUpdate.ADD,
                    Flags.of(SystemFlag.FLAGGED), Optional.empty());
            assertThat(result.updated()).extracting(m -> m.uid().value()).containsExactly(1L, 3L, 5L);
            assertThat(store.messages(owner, inbox, List.of(UidRange.ALL)))
                    .extracting(m -> m.uid().value() + ":" + m.flags().has(SystemFlag.FLAGGED) + ":" + m.flags().has(SystemFlag.SEEN))
                    .containsExactly("1:true:false", "2:false:false", "3:true:false", "4:false:false", "5:true:true", "6:false:false");
        }

        @Test
        void storingAnUnstorableKeywordIsInvalid() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            append(owner, inbox);
            assertReason(Reason.INVALID, () -> store.storeFlags(owner, inbox, List.of(UidRange.ALL), FlagUpdate.ADD,
                    keywords("bad\tkeyword"), Optional.empty()));
        }
    }

    @Nested
    class Expunging {
        @Test
        void expungeRemovesOnlyDeletedMessagesAndLeavesTombstones() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            for (int i = 0; i < 5; i++) append(owner, inbox, i % 2 == 0 ? new SystemFlag[]{SystemFlag.DELETED} : new SystemFlag[]{SystemFlag.SEEN});
            MailboxInfo before = info(owner, inbox);
            QuotaUsage quota = store.quota(owner);
            long deletedBytes = store.messages(owner, inbox, List.of(range(1, 1), range(3, 3), range(5, 5))).stream().mapToLong(MessageMeta::size).sum();

            List<Uid> expunged = store.expunge(owner, inbox, Optional.empty());

            assertThat(values(expunged)).containsExactly(1L, 3L, 5L);
            assertThat(uids(owner, inbox)).containsExactly(2L, 4L);
            MailboxInfo after = info(owner, inbox);
            assertThat(after.messages()).isEqualTo(2);
            assertThat(after.unseen()).isZero();
            assertThat(after.sizeBytes()).isEqualTo(before.sizeBytes() - deletedBytes);
            assertThat(after.highestModSeq().value()).isEqualTo(before.highestModSeq().value() + 1);
            assertThat(store.quota(owner).usedBytes()).isEqualTo(quota.usedBytes() - deletedBytes);
            assertThat(store.quota(owner).messages()).isEqualTo(quota.messages() - 3);
            assertThat(values(store.changesSince(owner, inbox, before.highestModSeq()).expunged())).containsExactly(1L, 3L, 5L);
            MailboxEvent event = events.of(inbox).get(events.of(inbox).size() - 1);
            assertThat(event.kind()).isEqualTo(MailboxEvent.Kind.EXPUNGED);
            assertThat(values(event.uids())).containsExactly(1L, 3L, 5L);
            assertThat(append(owner, inbox).uid().value()).isEqualTo(6);   // never reused
        }

        @Test
        void uidExpungeTouchesOnlyTheGivenRanges() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            for (int i = 0; i < 4; i++) append(owner, inbox, SystemFlag.DELETED);
            assertThat(values(store.expunge(owner, inbox, Optional.of(List.of(range(2, 3)))))).containsExactly(2L, 3L);
            assertThat(uids(owner, inbox)).containsExactly(1L, 4L);
        }

        @Test
        void expungeWithNothingDeletedChangesNothing() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            append(owner, inbox);
            MailboxInfo before = info(owner, inbox);
            int published = events.of(inbox).size();
            assertThat(store.expunge(owner, inbox, Optional.empty())).isEmpty();
            assertThat(info(owner, inbox)).isEqualTo(before);
            assertThat(events.of(inbox)).hasSize(published);
        }

        @Test
        void messagesFlaggedDeletedByCopyMoveOrStoreAreFoundByTheNextExpunge() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            MailboxId other = create(owner, "Other");
            append(owner, inbox, SystemFlag.DELETED);
            append(owner, inbox);
            store.copy(owner, inbox, List.of(range(1, 1)), other);
            store.move(owner, inbox, List.of(range(1, 1)), other);
            assertThat(values(store.expunge(owner, other, Optional.empty()))).containsExactly(1L, 2L);
            store.storeFlags(owner, inbox, List.of(range(2, 2)), FlagUpdate.ADD, Flags.of(SystemFlag.DELETED), Optional.empty());
            store.storeFlags(owner, inbox, List.of(range(2, 2)), FlagUpdate.REMOVE, Flags.of(SystemFlag.DELETED), Optional.empty());
            assertThat(store.expunge(owner, inbox, Optional.empty())).isEmpty();
            store.storeFlags(owner, inbox, List.of(range(2, 2)), FlagUpdate.REPLACE, Flags.of(SystemFlag.DELETED), Optional.empty());
            assertThat(values(store.expunge(owner, inbox, Optional.empty()))).containsExactly(2L);
        }

        /** Many MODSEQs after the mailbox's start: EXPUNGE first looks at the recently changed messages (ADR 0024). */
        private void toggleSeen(AccountId owner, MailboxId mailbox, long uid, int times) throws StoreException {
            for (int i = 0; i < times; i++) {
                store.storeFlags(owner, mailbox, List.of(range(uid, uid)), i % 2 == 0 ? FlagUpdate.ADD : FlagUpdate.REMOVE,
                        Flags.of(SystemFlag.SEEN), Optional.empty());
            }
        }

        @Test
        void expungeLongAfterTheMailboxStartedFindsTheMessagesJustMarkedDeleted() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            for (int i = 0; i < 4; i++) append(owner, inbox);
            toggleSeen(owner, inbox, 1, 80);
            store.storeFlags(owner, inbox, List.of(range(2, 3)), FlagUpdate.ADD, Flags.of(SystemFlag.DELETED), Optional.empty());
            long bytes = info(owner, inbox).sizeBytes();

            assertThat(values(store.expunge(owner, inbox, Optional.empty()))).containsExactly(2L, 3L);
            assertThat(uids(owner, inbox)).containsExactly(1L, 4L);
            assertThat(info(owner, inbox).sizeBytes()).isLessThan(bytes);
        }

        @Test
        void expungeFindsAMessageMarkedDeletedLongBeforeTogetherWithARecentOne() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            append(owner, inbox, SystemFlag.DELETED);
            for (int i = 0; i < 3; i++) append(owner, inbox);
            toggleSeen(owner, inbox, 2, 80);
            store.storeFlags(owner, inbox, List.of(range(4, 4)), FlagUpdate.ADD, Flags.of(SystemFlag.DELETED), Optional.empty());

            assertThat(values(store.expunge(owner, inbox, Optional.empty()))).containsExactly(1L, 4L);
            assertThat(uids(owner, inbox)).containsExactly(2L, 3L);
            assertThat(info(owner, inbox).messages()).isEqualTo(2);
        }

        @Test
        void uidExpungeLongAfterTheMailboxStartedKeepsDeletedMessagesOutsideTheRanges() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            for (int i = 0; i < 4; i++) append(owner, inbox);
            toggleSeen(owner, inbox, 1, 80);
            store.storeFlags(owner, inbox, List.of(range(2, 4)), FlagUpdate.ADD, Flags.of(SystemFlag.DELETED), Optional.empty());

            assertThat(values(store.expunge(owner, inbox, Optional.of(List.of(range(4, 4), range(2, 2)))))).containsExactly(2L, 4L);
            assertThat(uids(owner, inbox)).containsExactly(1L, 3L);
            assertThat(values(store.expunge(owner, inbox, Optional.empty()))).containsExactly(3L);
        }

        @Test
        void deleteRemovesExactlyTheGivenUidsWhateverTheirFlags() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            for (int i = 0; i < 4; i++) append(owner, inbox);
            List<Uid> deleted = store.delete(owner, inbox, List.of(new Uid(4), new Uid(2), new Uid(9)));
            assertThat(values(deleted)).containsExactly(2L, 4L);
            assertThat(uids(owner, inbox)).containsExactly(1L, 3L);
            assertThat(info(owner, inbox).messages()).isEqualTo(2);
        }
    }

    @Nested
    class ChangesSince {
        @Test
        void changesSinceReportsAddedChangedAndExpungedMessages() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            append(owner, inbox);
            append(owner, inbox);
            append(owner, inbox, SystemFlag.DELETED);
            ModSeq mark = info(owner, inbox).highestModSeq();
            store.storeFlags(owner, inbox, List.of(range(1, 1)), FlagUpdate.ADD, Flags.of(SystemFlag.SEEN), Optional.empty());
            store.expunge(owner, inbox, Optional.empty());
            AppendResult added = append(owner, inbox);

            Changes changes = store.changesSince(owner, inbox, mark);

            assertThat(changes.changed()).extracting(m -> m.uid().value()).containsExactly(1L, 4L);
            assertThat(changes.changed().get(0).flags().has(SystemFlag.SEEN)).isTrue();
            assertThat(values(changes.expunged())).containsExactly(3L);
            assertThat(changes.highestModSeq()).isEqualTo(added.modSeq());
            Changes none = store.changesSince(owner, inbox, changes.highestModSeq());
            assertThat(none.changed()).isEmpty();
            assertThat(none.expunged()).isEmpty();
            assertThat(store.changesSince(owner, inbox, new ModSeq(0)).changed()).hasSize(3);
        }
    }

    @Nested
    class CopyingAndMoving {
        @Test
        void copyKeepsFlagsAndDatesSharesBlobsAndPairsUidsInOrder() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            MailboxId target = create(owner, "Target");
            append(owner, target);
            append(owner, inbox, SystemFlag.SEEN);
            append(owner, inbox, new Flags(Set.of(SystemFlag.FLAGGED), Set.of("$Important")));
            append(owner, inbox);
            QuotaUsage quota = store.quota(owner);

            CopyResult result = store.copy(owner, inbox, List.of(range(3, 3), range(1, 2)), target);

            assertThat(values(result.sourceUids())).containsExactly(1L, 2L, 3L);
            assertThat(values(result.targetUids())).containsExactly(2L, 3L, 4L);
            assertThat(result.targetUidValidity()).isEqualTo(info(owner, target).uidValidity());
            for (int i = 0; i < 3; i++) {
                MessageMeta from = meta(owner, inbox, result.sourceUids().get(i));
                MessageMeta to = meta(owner, target, result.targetUids().get(i));
                assertThat(to.flags()).isEqualTo(from.flags());
                assertThat(to.internalDate()).isEqualTo(from.internalDate());
                assertThat(to.blob()).isEqualTo(from.blob());
                assertThat(to.size()).isEqualTo(from.size());
                assertThat(store.parsed(owner, target, to.uid())).isEqualTo(store.parsed(owner, inbox, from.uid()));
            }
            assertThat(uids(owner, inbox)).containsExactly(1L, 2L, 3L);
            MailboxInfo t = info(owner, target);
            assertThat(t.messages()).isEqualTo(4);
            assertThat(t.unseen()).isEqualTo(3);
            long copied = store.messages(owner, inbox, List.of(UidRange.ALL)).stream().mapToLong(MessageMeta::size).sum();
            assertThat(store.quota(owner).usedBytes()).isEqualTo(quota.usedBytes() + copied);
            assertThat(store.quota(owner).messages()).isEqualTo(quota.messages() + 3);
            MailboxEvent event = events.of(target).get(events.of(target).size() - 1);
            assertThat(event.kind()).isEqualTo(MailboxEvent.Kind.APPENDED);
            assertThat(event.uids()).isEqualTo(result.targetUids());
        }

        @Test
        void moveExpungesTheSourcesAtomicallyAndKeepsUsage() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            MailboxId trash = store.mailbox(owner, SpecialUse.TRASH).orElseThrow().id();
            for (int i = 0; i < 3; i++) append(owner, inbox);
            ModSeq mark = info(owner, inbox).highestModSeq();
            QuotaUsage quota = store.quota(owner);

            CopyResult result = store.move(owner, inbox, List.of(range(2, Uid.MAX)), trash);

            assertThat(values(result.sourceUids())).containsExactly(2L, 3L);
            assertThat(values(result.targetUids())).containsExactly(1L, 2L);
            assertThat(uids(owner, inbox)).containsExactly(1L);
            assertThat(uids(owner, trash)).containsExactly(1L, 2L);
            assertThat(info(owner, inbox).messages()).isEqualTo(1);
            assertThat(info(owner, trash).messages()).isEqualTo(2);
            assertThat(store.quota(owner)).isEqualTo(quota);
            assertThat(values(store.changesSince(owner, inbox, mark).expunged())).containsExactly(2L, 3L);
            assertThat(events.of(inbox).get(events.of(inbox).size() - 1).kind()).isEqualTo(MailboxEvent.Kind.EXPUNGED);
            assertThat(events.of(trash).get(events.of(trash).size() - 1).kind()).isEqualTo(MailboxEvent.Kind.APPENDED);
        }

        @Test
        void moveOfScatteredUidsLeavesTheMessagesBetweenThem() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            MailboxId archive = store.mailbox(owner, SpecialUse.ARCHIVE).orElseThrow().id();
            for (int i = 0; i < 5; i++) append(owner, inbox);
            CopyResult result = store.move(owner, inbox, List.of(range(4, 4), range(2, 2)), archive);
            assertThat(values(result.sourceUids())).containsExactly(2L, 4L);
            assertThat(uids(owner, inbox)).containsExactly(1L, 3L, 5L);
            assertThat(uids(owner, archive)).containsExactly(1L, 2L);
        }

        @Test
        void copyAndMoveWithinOneMailboxMakeNewUids() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            append(owner, inbox);
            assertThat(values(store.copy(owner, inbox, List.of(UidRange.ALL), inbox).targetUids())).containsExactly(2L);
            assertThat(values(store.move(owner, inbox, List.of(range(1, 1)), inbox).targetUids())).containsExactly(3L);
            assertThat(uids(owner, inbox)).containsExactly(2L, 3L);
            assertThat(info(owner, inbox).messages()).isEqualTo(2);
        }

        @Test
        void copyingNothingChangesNothing() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            MailboxId other = create(owner, "Other");
            MailboxInfo before = info(owner, other);
            CopyResult result = store.copy(owner, inbox, List.of(UidRange.ALL), other);
            assertThat(result.sourceUids()).isEmpty();
            assertThat(result.targetUids()).isEmpty();
            assertThat(info(owner, other)).isEqualTo(before);
        }
    }

    /** MailboxStore.deliver: exactly-once local delivery (docs/adr/0009-exactly-once-local-delivery.md). */
    @Nested
    class Delivery {
        @Test
        void aDeliveryReplayedWithItsKeyStoresNothingAndReturnsTheFirstMessage() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            NewMessage m = message("once", Flags.NONE);
            DeliveryKey key = new DeliveryKey("q1:a" + owner.value());
            List<MailboxEvent> published = new ArrayList<>();
            events.onPublish(published::add);
            AppendResult first = store.deliver(owner, inbox, m, key);
            AppendResult replay = store.deliver(owner, inbox, m, key);
            assertThat(replay).isEqualTo(first);
            assertThat(uids(owner, inbox)).containsExactly(first.uid().value());
            assertThat(store.quota(owner).messages()).isEqualTo(1);
            assertThat(published).hasSize(1);
        }

        @Test
        void aReplayThatWouldFileTheMessageElsewhereFindsTheFirstDelivery() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            MailboxId junk = store.mailbox(owner, SpecialUse.JUNK).orElseThrow().id();
            DeliveryKey key = new DeliveryKey("q2:a" + owner.value());
            AppendResult first = store.deliver(owner, inbox, message("spam?", Flags.NONE), key);
            assertThat(store.deliver(owner, junk, message("spam?", Flags.NONE), key)).isEqualTo(first);
            assertThat(info(owner, junk).messages()).isZero();
        }

        @Test
        void differentKeysAndPlainAppendsStoreEveryMessage() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            NewMessage m = message("many", Flags.NONE);
            store.deliver(owner, inbox, m, new DeliveryKey("q3:a" + owner.value()));
            store.deliver(owner, inbox, m, new DeliveryKey("q4:a" + owner.value()));
            store.append(owner, inbox, m);
            store.append(owner, inbox, m);
            assertThat(info(owner, inbox).messages()).isEqualTo(4);
        }

        @Test
        void aCopyDoesNotCarryTheKeySoTheOriginalStillAnswersAReplay() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            MailboxId other = create(owner, "Kept");
            DeliveryKey key = new DeliveryKey("q5:a" + owner.value());
            AppendResult first = store.deliver(owner, inbox, message("c", Flags.NONE), key);
            store.copy(owner, inbox, List.of(UidRange.ALL), other);
            assertThat(store.deliver(owner, inbox, message("c", Flags.NONE), key)).isEqualTo(first);
            assertThat(info(owner, inbox).messages() + info(owner, other).messages()).isEqualTo(2);
        }

        @Test
        void aKeyHeldByAnotherAccountIsNotFound() throws StoreException {
            AccountId owner = account();
            AccountId stranger = account();
            DeliveryKey key = new DeliveryKey("q6:a" + owner.value());
            store.deliver(owner, inbox(owner), message("x", Flags.NONE), key);
            MailboxId strangersInbox = inbox(stranger);
            assertReason(Reason.NOT_FOUND, () -> store.deliver(stranger, strangersInbox, message("x", Flags.NONE), key));
            assertThat(info(stranger, strangersInbox).messages()).isZero();
        }

        @Test
        void aReplayIntoAnAccountTheFirstDeliveryFilledReturnsTheFirstMessageInsteadOfOverQuota() throws StoreException {
            NewMessage m = message("full", Flags.NONE);
            AccountId owner = directory.add(m.size());
            MailboxId inbox = inbox(owner);
            DeliveryKey key = new DeliveryKey("q8:a" + owner.value());
            AppendResult first = store.deliver(owner, inbox, m, key);
            assertThat(store.deliver(owner, inbox, m, key)).isEqualTo(first);
            assertReason(Reason.OVER_QUOTA, () -> store.deliver(owner, inbox, m, new DeliveryKey("q9:a" + owner.value())));
            assertThat(store.quota(owner)).isEqualTo(new QuotaUsage(m.size(), m.size(), 1));
        }

        @Test
        void aReplayRefusedByTheKeyLeavesTheCountersAndUsageAsTheFirstDeliveryLeftThem() throws StoreException {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            NewMessage m = message("counted", Flags.NONE);
            DeliveryKey key = new DeliveryKey("q10:a" + owner.value());
            store.deliver(owner, inbox, m, key);
            MailboxInfo before = info(owner, inbox);
            store.deliver(owner, inbox, m, key);
            assertThat(info(owner, inbox)).isEqualTo(before);
            assertThat(store.quota(owner)).isEqualTo(new QuotaUsage(m.size(), 0, 1));
        }

        @Test
        void concurrentDeliveriesWithOneKeyStoreOneMessage() throws Exception {
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            NewMessage m = message("race", Flags.NONE);
            DeliveryKey key = new DeliveryKey("q7:a" + owner.value());
            int threads = 4;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<AppendResult>> results = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return store.deliver(owner, inbox, m, key);
                    }));
                }
                start.countDown();
                Set<AppendResult> distinct = new java.util.HashSet<>();
                for (Future<AppendResult> r : results) distinct.add(r.get(60, TimeUnit.SECONDS));
                assertThat(distinct).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(info(owner, inbox).messages()).isEqualTo(1);
            assertThat(store.quota(owner).messages()).isEqualTo(1);
        }
    }

    @Nested
    class Quota {
        @Test
        void quotaReportsUsageAndTheAccountsLimit() throws StoreException {
            AccountId owner = directory.add(1_000_000);
            assertThat(store.quota(owner)).isEqualTo(new QuotaUsage(0, 1_000_000, 0));
            MailboxId inbox = inbox(owner);
            append(owner, inbox);
            long size = info(owner, inbox).sizeBytes();
            assertThat(store.quota(owner)).isEqualTo(new QuotaUsage(size, 1_000_000, 1));
        }

        @Test
        void appendAndCopyPastTheQuotaAreOverQuotaUntilSpaceIsFreed() throws StoreException {
            long size = message("q", Flags.NONE).size();
            AccountId owner = directory.add(2 * size);
            MailboxId inbox = inbox(owner);
            MailboxId other = create(owner, "Other");
            append(owner, inbox, SystemFlag.DELETED);
            append(owner, inbox);
            assertReason(Reason.OVER_QUOTA, () -> append(owner, inbox));
            assertReason(Reason.OVER_QUOTA, () -> store.copy(owner, inbox, List.of(range(2, 2)), other));
            assertThat(info(owner, inbox).messages()).isEqualTo(2);
            assertThat(info(owner, other).messages()).isZero();
            store.move(owner, inbox, List.of(range(2, 2)), other);   // a move adds nothing to the account
            store.expunge(owner, inbox, Optional.empty());
            append(owner, inbox);
            assertThat(store.quota(owner).messages()).isEqualTo(2);
            assertThat(store.quota(owner).usedBytes()).isEqualTo(2 * size);
        }

        @Test
        void zeroMeansUnlimited() throws StoreException {
            AccountId owner = directory.add(0);
            MailboxId inbox = inbox(owner);
            for (int i = 0; i < 5; i++) append(owner, inbox);
            assertThat(store.quota(owner).messages()).isEqualTo(5);
            assertThat(store.quota(owner).limitBytes()).isZero();
        }

        @Test
        void concurrentAppendsNeverTogetherExceedTheQuota() throws Exception {
            long size = message("q", Flags.NONE).size();
            AccountId owner = directory.add(10 * size);
            MailboxId inbox = inbox(owner);
            MailboxId other = create(owner, "Other");
            AtomicInteger refused = new AtomicInteger();
            List<Callable<Void>> calls = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                MailboxId target = t % 2 == 0 ? inbox : other;
                calls.add(() -> {
                    for (int i = 0; i < 5; i++) {
                        try {
                            append(owner, target);
                        } catch (StoreException e) {
                            if (e.reason() != Reason.OVER_QUOTA) throw e;
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            runConcurrently(calls);
            assertThat(store.quota(owner).messages()).isEqualTo(10);
            assertThat(refused).hasValue(10);
            assertThat(info(owner, inbox).messages() + info(owner, other).messages()).isEqualTo(10);
        }

        @Test
        void theRecentQuotaSeesThisNodesChangesAtOnceAndTheLimitAlwaysAfresh() throws StoreException {
            long size = message("q", Flags.NONE).size();
            AccountId owner = directory.add(10 * size);
            MailboxId inbox = inbox(owner);
            assertThat(store.recentQuota(owner)).isEqualTo(new QuotaUsage(0, 10 * size, 0));
            append(owner, inbox, SystemFlag.DELETED);
            assertThat(store.recentQuota(owner)).isEqualTo(new QuotaUsage(size, 10 * size, 1));
            directory.setQuota(owner, size);
            assertThat(store.recentQuota(owner)).isEqualTo(new QuotaUsage(size, size, 1));
            store.expunge(owner, inbox, Optional.empty());
            assertThat(store.recentQuota(owner)).isEqualTo(new QuotaUsage(0, size, 0));
        }

        @Test
        void anAccountTheDirectoryDoesNotKnowIsNotFound() {
            AccountId stranger = new AccountId(Long.MAX_VALUE);
            assertReason(Reason.NOT_FOUND, () -> store.quota(stranger));
        }
    }

    @Nested
    class Isolation {
        @Test
        void anotherAccountsMailboxIsNotFoundEverywhere() throws StoreException {
            AccountId alice = account();
            AccountId mallory = account();
            MailboxId aliceInbox = inbox(alice);
            MailboxId malloryInbox = inbox(mallory);
            append(alice, aliceInbox, SystemFlag.DELETED);
            List<UidRange> all = List.of(UidRange.ALL);
            Uid one = new Uid(1);

            assertReason(Reason.NOT_FOUND, () -> store.mailbox(mallory, aliceInbox));
            assertReason(Reason.NOT_FOUND, () -> store.messages(mallory, aliceInbox, all));
            assertReason(Reason.NOT_FOUND, () -> store.parsed(mallory, aliceInbox, one));
            assertReason(Reason.NOT_FOUND, () -> store.parsed(mallory, aliceInbox, all));
            assertReason(Reason.NOT_FOUND, () -> append(mallory, aliceInbox));
            assertReason(Reason.NOT_FOUND, () -> store.storeFlags(mallory, aliceInbox, all, FlagUpdate.ADD, Flags.of(SystemFlag.SEEN), Optional.empty()));
            assertReason(Reason.NOT_FOUND, () -> store.copy(mallory, aliceInbox, all, malloryInbox));
            assertReason(Reason.NOT_FOUND, () -> store.copy(mallory, malloryInbox, all, aliceInbox));
            assertReason(Reason.NOT_FOUND, () -> store.move(mallory, aliceInbox, all, malloryInbox));
            assertReason(Reason.NOT_FOUND, () -> store.expunge(mallory, aliceInbox, Optional.empty()));
            assertReason(Reason.NOT_FOUND, () -> store.delete(mallory, aliceInbox, List.of(one)));
            assertReason(Reason.NOT_FOUND, () -> store.changesSince(mallory, aliceInbox, new ModSeq(0)));
            assertReason(Reason.NOT_FOUND, () -> store.mailbox(mallory, new MailboxId(Long.MAX_VALUE)));

            assertThat(uids(alice, aliceInbox)).containsExactly(1L);
            assertThat(meta(alice, aliceInbox, one).flags()).isEqualTo(Flags.of(SystemFlag.DELETED));
            assertThat(uids(mallory, malloryInbox)).isEmpty();
            assertThat(store.mailboxes(mallory)).noneMatch(m -> m.id().equals(aliceInbox));
            assertThat(store.mailbox(mallory, SpecialUse.SENT).orElseThrow().owner()).isEqualTo(mallory);
        }
    }

    @Nested
    class Concurrency {
        @Test
        void concurrentAppendsToOneMailboxGetUniqueIncreasingUids() throws Exception {
            int threads = 8;
            int perThread = 500;
            AccountId owner = account();
            MailboxId inbox = inbox(owner);
            NewMessage shared = message("shared blob", Flags.NONE);   // one blob for all, as for a group mail
            List<Callable<List<AppendResult>>> calls = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                calls.add(() -> {
                    List<AppendResult> mine = new ArrayList<>(perThread);
                    for (int i = 0; i < perThread; i++) mine.add(store.append(owner, inbox, shared));
                    return mine;
                });
            }
            long start = System.nanoTime();
            List<List<AppendResult>> results = runConcurrently(calls);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            log.info("{} x {} concurrent appends on {}: {} ms ({} appends/s)", threads, perThread, MailboxStoreContract.this.getClass().getSimpleName(),
                    millis, threads * perThread * 1000L / Math.max(1, millis));

            List<Long> all = new ArrayList<>();
            for (List<AppendResult> mine : results) {
                List<Long> uids = mine.stream().map(r -> r.uid().value()).toList();
                assertThat(uids).isSorted().doesNotHaveDuplicates();   // strictly increasing per thread
                all.addAll(uids);
            }
            int total = threads * perThread;
            assertThat(all).hasSize(total).doesNotHaveDuplicates();
            assertThat(all.stream().mapToLong(Long::longValue).max().orElseThrow()).isEqualTo(total);
            MailboxInfo info = info(owner, inbox);
            assertThat(info.uidNext()).isEqualTo(total + 1);
            assertThat(info.messages()).isEqualTo(total);
            assertThat(info.unseen()).isEqualTo(total);
            assertThat(info.highestModSeq().value()).isEqualTo(total);
            List<MessageMeta> stored = store.messages(owner, inbox, List.of(UidRange.ALL));
            assertThat(stored).hasSize(total);
            assertThat(stored).extracting(m -> m.modSeq().value()).isSorted().doesNotHaveDuplicates();
            assertThat(store.quota(owner).messages()).isEqualTo(total);
        }

        @Test
        void oneNewBlobDeliveredToManyAccountsAtOnceIsStoredOnce() throws Exception {
            NewMessage groupMail = message("to everyone", Flags.NONE);
            List<Callable<AppendResult>> calls = new ArrayList<>();
            List<AccountId> owners = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                AccountId owner = account();
                MailboxId inbox = inbox(owner);
                owners.add(owner);
                calls.add(() -> store.append(owner, inbox, groupMail));
            }
            List<AppendResult> results = runConcurrently(calls);
            for (int t = 0; t < owners.size(); t++) {
                assertThat(store.parsed(owners.get(t), results.get(t).mailbox(), results.get(t).uid())).isEqualTo(groupMail.parsed());
            }
        }

        @Test
        void crossingCopiesAndAppendsDoNotDeadlock() throws Exception {
            AccountId owner = account();
            MailboxId a = inbox(owner);
            MailboxId b = create(owner, "B");
            append(owner, a);
            append(owner, b);
            List<Callable<Void>> calls = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                MailboxId from = t % 2 == 0 ? a : b;
                MailboxId to = t % 2 == 0 ? b : a;
                calls.add(() -> {
                    for (int i = 0; i < 20; i++) {
                        store.copy(owner, from, List.of(range(1, 1)), to);
                        append(owner, from, SystemFlag.DELETED);
                        store.expunge(owner, to, Optional.of(List.of(range(2, Uid.MAX))));
                        store.storeFlags(owner, from, List.of(range(1, 1)), FlagUpdate.ADD, Flags.of(SystemFlag.SEEN), Optional.empty());
                    }
                    return null;
                });
            }
            runConcurrently(calls);
            for (MailboxId m : List.of(a, b)) {
                List<MessageMeta> all = store.messages(owner, m, List.of(UidRange.ALL));
                MailboxInfo info = info(owner, m);
                assertThat(info.messages()).isEqualTo(all.size());
                assertThat(info.unseen()).isEqualTo(all.stream().filter(x -> !x.flags().has(SystemFlag.SEEN)).count());
                assertThat(info.sizeBytes()).isEqualTo(all.stream().mapToLong(MessageMeta::size).sum());
                // the \Deleted counter is right if an EXPUNGE finds exactly the messages that have it
                long deleted = all.stream().filter(x -> x.flags().has(SystemFlag.DELETED)).count();
                assertThat(store.expunge(owner, m, Optional.empty())).hasSize((int) deleted);
            }
            assertThat(store.quota(owner).messages()).isEqualTo(info(owner, a).messages() + info(owner, b).messages());
        }
    }

    @Nested
    class DeletingTheAccount {
        @Test
        void deletingAnAccountWithMailRemovesItsMailboxesMessagesTombstonesAndUsage() throws StoreException {
            AccountId owner = account();
            AccountId neighbour = account();
            MailboxId inbox = inbox(owner);
            MailboxId other = create(owner, "Other");
            append(owner, inbox);
            append(owner, inbox, SystemFlag.DELETED);
            append(owner, other);
            store.expunge(owner, inbox, Optional.empty());
            MailboxId kept = inbox(neighbour);
            append(neighbour, kept);
            assertThat(rows.count("EXPUNGED_MESSAGE", "MAILBOX_ID = ?1", inbox.value())).isEqualTo(1);

            directory.admin().deleteAccount(directory.tenant(), owner);

            assertThat(rows.count("MAILBOX", "OWNER_ID = ?1", owner.value())).isZero();
            assertThat(rows.count("MAILBOX_MESSAGE", "MAILBOX_ID IN (?1, ?2)", inbox.value(), other.value())).isZero();
            assertThat(rows.count("EXPUNGED_MESSAGE", "MAILBOX_ID = ?1", inbox.value())).isZero();
            assertThat(rows.count("ACCOUNT_USAGE", "ACCOUNT_ID = ?1", owner.value())).isZero();
            assertThat(rows.count("ACCOUNT", "ID = ?1", owner.value())).isZero();
            assertThat(uids(neighbour, kept)).containsExactly(1L);
            assertThat(store.quota(neighbour).messages()).isEqualTo(1);
        }

        @Test
        void anAccountWithoutMailboxesIsDeletedToo() throws StoreException {
            AccountId owner = account();
            directory.admin().deleteAccount(directory.tenant(), owner);
            assertThat(rows.count("ACCOUNT", "ID = ?1", owner.value())).isZero();
        }
    }

    /** Starts the calls together and returns their results; fails if any fails or all take over 3 minutes. */
    static <T> List<T> runConcurrently(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) results.add(f.get(3, TimeUnit.MINUTES));
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
