package io.tenmail.imap.session;

import io.tenmail.imap.wire.response.ResponseWriter;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.events.InMemoryMailboxEvents;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.BlobId;
import io.tenmail.storage.model.Changes;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.MailboxEvent;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.MailboxInfo;
import io.tenmail.storage.model.MailboxName;
import io.tenmail.storage.model.MessageFlags;
import io.tenmail.storage.model.MessageMeta;
import io.tenmail.storage.model.ModSeq;
import io.tenmail.storage.model.Uid;
import io.tenmail.storage.model.UidValidity;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The selected mailbox's view: flags kept in it, own changes, change events, and the cache of deselected views. */
class SelectedMailboxTest {
    private static final AccountId OWNER = new AccountId(7);
    private static final MailboxId INBOX = new MailboxId(3);
    private static final Flags SEEN = Flags.of(Flags.SystemFlag.SEEN);

    /** A store that answers {@code flags} and {@code changesSince} from fields and counts the calls. */
    private static final class FakeStore {
        List<MessageFlags> messages = new ArrayList<>();
        Changes changes = new Changes(new ModSeq(0), List.of(), List.of());
        int listings;
        int changeReads;
        ModSeq lastSince;

        MailboxStore proxy() {
            return (MailboxStore) Proxy.newProxyInstance(MailboxStore.class.getClassLoader(), new Class<?>[] {MailboxStore.class},
                    (p, m, a) -> switch (m.getName()) {
                        case "flags" -> {
                            listings++;
                            yield List.copyOf(messages);
                        }
                        case "changesSince" -> {
                            changeReads++;
                            lastSince = (ModSeq) a[2];
                            yield changes;
                        }
                        default -> throw new AssertionError("not expected: " + m.getName());
                    });
        }
    }

    private static MailboxInfo info(long highestModSeq) {
        return new MailboxInfo(INBOX, OWNER, new MailboxName("INBOX"), Optional.empty(), true, new UidValidity(1),
                100, new ModSeq(highestModSeq), 0, 0, 0);
    }

    private static MessageMeta meta(long uid, long modSeq, Flags flags) {
        return new MessageMeta(INBOX, new Uid(uid), new ModSeq(modSeq), flags, Instant.EPOCH, 10, null);
    }

    private static String sync(SelectedMailbox view, MailboxStore store) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResponseWriter w = new ResponseWriter(out);
        view.sync(store, w, new SelectedMailbox.SyncOptions(true, false, false));
        w.flush();
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void theViewKeepsEachMessagesFlagsAndModseqAsListedAtSelect() throws Exception {
        FakeStore fake = new FakeStore();
        fake.messages = List.of(new MessageFlags(1, 4, SEEN), new MessageFlags(5, 2, Flags.NONE));
        SelectedMailbox view = SelectedMailbox.select(fake.proxy(), new ViewCache(1000), info(4), false);

        assertThat(view.size()).isEqualTo(2);
        assertThat(view.flagsAt(1)).isEqualTo(SEEN);
        assertThat(view.modSeqAt(2)).isEqualTo(2);
        assertThat(view.knownModSeq()).isEqualTo(new ModSeq(4));
    }

    @Test
    void anOwnFlagChangeTakingTheNextModseqKeepsTheViewCurrentWithoutAskingTheStore() throws Exception {
        FakeStore fake = new FakeStore();
        fake.messages = List.of(new MessageFlags(1, 4, Flags.NONE));
        MailboxStore store = fake.proxy();
        InMemoryMailboxEvents events = new InMemoryMailboxEvents();
        SelectedMailbox view = SelectedMailbox.select(store, new ViewCache(1000), info(4), false);
        view.listen(events, () -> { });
        fake.changes = new Changes(new ModSeq(4), List.of(), List.of());
        sync(view, store);   // the look after subscribing
        int reads = fake.changeReads;

        // the store publishes the session's own change before storeFlags returns
        events.publish(new MailboxEvent(INBOX, OWNER, MailboxEvent.Kind.FLAGS_CHANGED, List.of(new Uid(1)), new ModSeq(5)));
        view.noteOwnFlagChanges(List.of(meta(1, 5, SEEN)));

        assertThat(view.isStale()).isFalse();
        assertThat(view.flagsAt(1)).isEqualTo(SEEN);
        assertThat(view.knownModSeq()).isEqualTo(new ModSeq(5));
        assertThat(sync(view, store)).isEmpty();
        assertThat(fake.changeReads).isEqualTo(reads);
    }

    @Test
    void aChangeByAnotherSessionMakesTheViewStaleAndTheSyncUpdatesItsFlags() throws Exception {
        FakeStore fake = new FakeStore();
        fake.messages = List.of(new MessageFlags(1, 4, Flags.NONE));
        MailboxStore store = fake.proxy();
        InMemoryMailboxEvents events = new InMemoryMailboxEvents();
        SelectedMailbox view = SelectedMailbox.select(store, new ViewCache(1000), info(4), false);
        view.listen(events, () -> { });
        fake.changes = new Changes(new ModSeq(4), List.of(), List.of());
        sync(view, store);

        events.publish(new MailboxEvent(INBOX, OWNER, MailboxEvent.Kind.FLAGS_CHANGED, List.of(new Uid(1)), new ModSeq(6)));
        assertThat(view.isStale()).isTrue();
        fake.changes = new Changes(new ModSeq(6), List.of(meta(1, 6, SEEN)), List.of());

        assertThat(sync(view, store)).isEqualTo("* 1 FETCH (UID 1 FLAGS (\\Seen))\r\n");
        assertThat(view.flagsAt(1)).isEqualTo(SEEN);
        assertThat(view.isStale()).isFalse();
    }

    @Test
    void anOwnChangeAfterAnUnseenChangeOfAnotherSessionLeavesTheViewStale() throws Exception {
        FakeStore fake = new FakeStore();
        fake.messages = List.of(new MessageFlags(1, 4, Flags.NONE));
        MailboxStore store = fake.proxy();
        InMemoryMailboxEvents events = new InMemoryMailboxEvents();
        SelectedMailbox view = SelectedMailbox.select(store, new ViewCache(1000), info(4), false);
        view.listen(events, () -> { });
        fake.changes = new Changes(new ModSeq(4), List.of(), List.of());
        sync(view, store);

        events.publish(new MailboxEvent(INBOX, OWNER, MailboxEvent.Kind.APPENDED, List.of(new Uid(2)), new ModSeq(5)));
        events.publish(new MailboxEvent(INBOX, OWNER, MailboxEvent.Kind.FLAGS_CHANGED, List.of(new Uid(1)), new ModSeq(6)));
        view.noteOwnFlagChanges(List.of(meta(1, 6, SEEN)));

        assertThat(view.isStale()).isTrue();
        assertThat(view.knownModSeq()).isEqualTo(new ModSeq(4));
    }

    @Test
    void anOwnExpungeAnnouncedAtTheNextModseqKeepsTheViewCurrentWithoutAskingTheStore() throws Exception {
        FakeStore fake = new FakeStore();
        fake.messages = List.of(new MessageFlags(1, 4, Flags.NONE), new MessageFlags(2, 4, Flags.NONE));
        MailboxStore store = fake.proxy();
        InMemoryMailboxEvents events = new InMemoryMailboxEvents();
        SelectedMailbox view = SelectedMailbox.select(store, new ViewCache(1000), info(4), false);
        view.listen(events, () -> { });
        fake.changes = new Changes(new ModSeq(4), List.of(), List.of());
        sync(view, store);
        int reads = fake.changeReads;

        events.publish(new MailboxEvent(INBOX, OWNER, MailboxEvent.Kind.EXPUNGED, List.of(new Uid(2)), new ModSeq(5)));
        view.removeExpunged(2);
        view.noteOwnExpunge(List.of(new Uid(2)));

        assertThat(view.isStale()).isFalse();
        assertThat(view.size()).isEqualTo(1);
        assertThat(view.knownModSeq()).isEqualTo(new ModSeq(5));
        assertThat(sync(view, store)).isEmpty();
        assertThat(fake.changeReads).isEqualTo(reads);
    }

    @Test
    void aDeselectedViewIsBroughtUpToDateAtTheNextSelectInsteadOfListedAgain() throws Exception {
        FakeStore fake = new FakeStore();
        fake.messages = List.of(new MessageFlags(1, 2, Flags.NONE), new MessageFlags(2, 3, Flags.NONE), new MessageFlags(3, 4, Flags.NONE));
        MailboxStore store = fake.proxy();
        ViewCache cache = new ViewCache(1000);
        SelectedMailbox first = SelectedMailbox.select(store, cache, info(4), false);
        first.close();

        // meanwhile: message 2 expunged, message 3 seen, message 4 appended
        fake.changes = new Changes(new ModSeq(7), List.of(meta(3, 6, SEEN), meta(4, 7, Flags.NONE)), List.of(new Uid(2)));
        SelectedMailbox second = SelectedMailbox.select(store, cache, info(7), false);

        assertThat(fake.listings).isEqualTo(1);
        assertThat(fake.lastSince).isEqualTo(new ModSeq(4));
        assertThat(second.size()).isEqualTo(3);
        assertThat(second.uidAt(2)).isEqualTo(3);
        assertThat(second.flagsAt(2)).isEqualTo(SEEN);
        assertThat(second.uidAt(3)).isEqualTo(4);
        assertThat(second.knownModSeq()).isEqualTo(new ModSeq(7));
    }

    @Test
    void aViewWithExpungesNotYetAnnouncedIsNotKeptTheNextSelectStartsFromTheListedOne() throws Exception {
        FakeStore fake = new FakeStore();
        fake.messages = List.of(new MessageFlags(1, 2, Flags.NONE), new MessageFlags(2, 3, Flags.NONE));
        MailboxStore store = fake.proxy();
        ViewCache cache = new ViewCache(1000);
        SelectedMailbox view = SelectedMailbox.select(store, cache, info(3), false);
        view.markStale();
        fake.changes = new Changes(new ModSeq(5), List.of(), List.of(new Uid(2)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        view.sync(store, new ResponseWriter(out), new SelectedMailbox.SyncOptions(false, false, false));   // held back
        view.close();

        SelectedMailbox next = SelectedMailbox.select(store, cache, info(5), false);

        assertThat(fake.listings).isEqualTo(1);
        assertThat(fake.lastSince).as("from the view as listed, not the one with the expunge held back").isEqualTo(new ModSeq(3));
        assertThat(next.size()).isEqualTo(1);
        assertThat(next.knownModSeq()).isEqualTo(new ModSeq(5));
    }

    @Test
    void aCachedViewAtTheMailboxsHighestModseqIsTakenWithoutAskingTheStore() throws Exception {
        FakeStore fake = new FakeStore();
        fake.messages = List.of(new MessageFlags(1, 2, Flags.NONE, 10, 0, BLOB_A));
        MailboxStore store = fake.proxy();
        ViewCache cache = new ViewCache(1000);
        SelectedMailbox.select(store, cache, info(2), false).close();

        SelectedMailbox again = SelectedMailbox.select(store, cache, info(2), false);

        assertThat(fake.listings).isEqualTo(1);
        assertThat(fake.changeReads).isZero();
        assertThat(again.size()).isEqualTo(1);
        assertThat(again.knownModSeq()).isEqualTo(new ModSeq(2));
    }

    @Test
    void aListedViewIsSharedWithSessionsSelectingTheMailboxWhileItIsStillSelected() throws Exception {
        FakeStore fake = new FakeStore();
        fake.messages = List.of(new MessageFlags(1, 2, Flags.NONE, 10, 0, BLOB_A));
        MailboxStore store = fake.proxy();
        ViewCache cache = new ViewCache(1000);
        SelectedMailbox first = SelectedMailbox.select(store, cache, info(2), false);
        fake.changes = new Changes(new ModSeq(2), List.of(), List.of());

        SelectedMailbox second = SelectedMailbox.select(store, cache, info(2), false);

        assertThat(fake.listings).isEqualTo(1);
        assertThat(second.metaAt(1)).isEqualTo(first.metaAt(1));
    }

    @Test
    void theCacheKeepsAtMostItsLimitOfMessagesDroppingTheLeastRecentlyUsedMailbox() {
        ViewCache cache = new ViewCache(5);
        MailboxId a = new MailboxId(1);
        MailboxId b = new MailboxId(2);
        cache.put(a, snapshot(3));
        cache.put(b, snapshot(2));
        cache.get(a);
        cache.put(new MailboxId(3), snapshot(2));

        assertThat(cache.get(a)).isNotNull();
        assertThat(cache.get(b)).isNull();
    }

    private static ViewCache.Snapshot snapshot(int messages) {
        long[] uids = new long[messages];
        for (int i = 0; i < messages; i++) uids[i] = i + 1;
        return new ViewCache.Snapshot(1, 1, uids, new long[messages], new Flags[messages], new long[messages],
                new long[messages], new byte[messages * 32]);
    }

    private static final BlobId BLOB_A = new BlobId("0123456789abcdef".repeat(4));
    private static final BlobId BLOB_B = new BlobId("fedcba9876543210".repeat(4));

    @Test
    void theViewKeepsEachMessagesSizeInternalDateAndBlobFromTheListingAndFromLaterChanges() throws Exception {
        FakeStore fake = new FakeStore();
        fake.messages = List.of(new MessageFlags(1, 4, SEEN, 1234, 1_700_000_000_000L, BLOB_A), new MessageFlags(2, 4, Flags.NONE));
        MailboxStore store = fake.proxy();
        SelectedMailbox view = SelectedMailbox.select(store, new ViewCache(1000), info(4), false);
        view.markStale();
        fake.changes = new Changes(new ModSeq(5), List.of(new MessageMeta(INBOX, new Uid(3), new ModSeq(5), Flags.NONE,
                Instant.ofEpochMilli(1_700_000_001_000L), 99, BLOB_B)), List.of());
        sync(view, store);

        assertThat(view.metaAt(1)).isEqualTo(new MessageMeta(INBOX, new Uid(1), new ModSeq(4), SEEN,
                Instant.ofEpochMilli(1_700_000_000_000L), 1234, BLOB_A));
        assertThat(view.metaAt(2)).as("listed without its facts: the store must be asked").isNull();
        assertThat(view.metaAt(3).blob()).isEqualTo(BLOB_B);
        assertThat(view.metaAt(3).size()).isEqualTo(99);
    }

    @Test
    void sessionsSelectingACachedMailboxShareItsViewUntilOneOfThemChangesIt() throws Exception {
        FakeStore fake = new FakeStore();
        fake.messages = List.of(new MessageFlags(1, 2, Flags.NONE, 10, 0, BLOB_A), new MessageFlags(2, 3, Flags.NONE, 20, 0, BLOB_B));
        MailboxStore store = fake.proxy();
        ViewCache cache = new ViewCache(1000);
        SelectedMailbox.select(store, cache, info(3), false).close();
        fake.changes = new Changes(new ModSeq(3), List.of(), List.of());
        SelectedMailbox one = SelectedMailbox.select(store, cache, info(3), false);
        SelectedMailbox two = SelectedMailbox.select(store, cache, info(3), false);

        one.noteOwnFlagChanges(List.of(new MessageMeta(INBOX, new Uid(1), new ModSeq(4), SEEN, Instant.EPOCH, 10, BLOB_A)));
        one.removeExpunged(2);

        assertThat(one.flagsAt(1)).isEqualTo(SEEN);
        assertThat(one.size()).isEqualTo(1);
        assertThat(two.flagsAt(1)).isEqualTo(Flags.NONE);
        assertThat(two.size()).isEqualTo(2);
        assertThat(two.metaAt(2).blob()).isEqualTo(BLOB_B);
        assertThat(fake.listings).isEqualTo(1);
    }

    @Test
    void anOwnAppendTakingTheNextModseqIsAnnouncedWithExistsWithoutAskingTheStore() throws Exception {
        FakeStore fake = new FakeStore();
        fake.messages = List.of(new MessageFlags(1, 4, Flags.NONE, 10, 0, BLOB_A));
        MailboxStore store = fake.proxy();
        InMemoryMailboxEvents events = new InMemoryMailboxEvents();
        SelectedMailbox view = SelectedMailbox.select(store, new ViewCache(1000), info(4), false);
        view.listen(events, () -> { });
        fake.changes = new Changes(new ModSeq(4), List.of(), List.of());
        sync(view, store);
        int reads = fake.changeReads;

        events.publish(new MailboxEvent(INBOX, OWNER, MailboxEvent.Kind.APPENDED, List.of(new Uid(2)), new ModSeq(5)));
        view.noteOwnAppend(new MessageMeta(INBOX, new Uid(2), new ModSeq(5), SEEN, Instant.EPOCH, 20, BLOB_B));

        assertThat(view.isStale()).isFalse();
        assertThat(sync(view, store)).isEqualTo("* 2 EXISTS\r\n");
        assertThat(sync(view, store)).isEmpty();
        assertThat(fake.changeReads).isEqualTo(reads);
        assertThat(view.metaAt(2)).isEqualTo(new MessageMeta(INBOX, new Uid(2), new ModSeq(5), SEEN, Instant.EPOCH, 20, BLOB_B));
    }

    @Test
    void anOwnAppendAfterAnotherSessionsChangeLeavesItToTheStore() throws Exception {
        FakeStore fake = new FakeStore();
        fake.messages = List.of(new MessageFlags(1, 4, Flags.NONE, 10, 0, BLOB_A));
        MailboxStore store = fake.proxy();
        InMemoryMailboxEvents events = new InMemoryMailboxEvents();
        SelectedMailbox view = SelectedMailbox.select(store, new ViewCache(1000), info(4), false);
        view.listen(events, () -> { });
        fake.changes = new Changes(new ModSeq(4), List.of(), List.of());
        sync(view, store);

        events.publish(new MailboxEvent(INBOX, OWNER, MailboxEvent.Kind.APPENDED, List.of(new Uid(2)), new ModSeq(5)));
        events.publish(new MailboxEvent(INBOX, OWNER, MailboxEvent.Kind.APPENDED, List.of(new Uid(3)), new ModSeq(6)));
        view.noteOwnAppend(new MessageMeta(INBOX, new Uid(3), new ModSeq(6), Flags.NONE, Instant.EPOCH, 20, BLOB_B));
        fake.changes = new Changes(new ModSeq(6), List.of(meta(2, 5, Flags.NONE), meta(3, 6, Flags.NONE)), List.of());

        assertThat(view.isStale()).isTrue();
        assertThat(view.size()).isEqualTo(1);
        assertThat(sync(view, store)).isEqualTo("* 3 EXISTS\r\n");
    }
}
