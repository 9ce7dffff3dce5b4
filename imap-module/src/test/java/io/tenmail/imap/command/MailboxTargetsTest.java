package io.tenmail.imap.command;

import io.tenmail.storage.MailboxEvents;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.events.InMemoryMailboxEvents;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.MailboxEvent;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.MailboxInfo;
import io.tenmail.storage.model.MailboxName;
import io.tenmail.storage.model.ModSeq;
import io.tenmail.storage.model.UidValidity;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** APPEND/COPY targets looked up once, forgotten on rename and delete. */
class MailboxTargetsTest {
    private static final AccountId ALICE = new AccountId(1);
    private static final AccountId BOB = new AccountId(2);
    private static final MailboxName SENT = new MailboxName("Sent");

    private final Map<MailboxName, MailboxInfo> mailboxes = new HashMap<>();
    private int lookUps;

    private MailboxStore store() {
        return (MailboxStore) Proxy.newProxyInstance(MailboxStore.class.getClassLoader(), new Class<?>[] {MailboxStore.class},
                (p, m, a) -> {
                    if (!m.getName().equals("mailbox") || !(a[1] instanceof MailboxName name)) throw new AssertionError("not expected: " + m);
                    lookUps++;
                    return Optional.ofNullable(mailboxes.get(name)).map(i -> new MailboxInfo(i.id(), (AccountId) a[0], i.name(),
                            Optional.empty(), true, i.uidValidity(), 1, new ModSeq(1), 0, 0, 0));
                });
    }

    private static MailboxInfo info(long id, MailboxName name) {
        return new MailboxInfo(new MailboxId(id), ALICE, name, Optional.empty(), true, new UidValidity(id), 1, new ModSeq(1), 0, 0, 0);
    }

    private static MailboxEvent event(AccountId owner, MailboxEvent.Kind kind) {
        return new MailboxEvent(new MailboxId(9), owner, kind, List.of(), null);
    }

    @Test
    void aTargetIsLookedUpOnceUntilAMailboxOfTheAccountIsRenamedOrDeleted() throws Exception {
        InMemoryMailboxEvents events = new InMemoryMailboxEvents();
        MailboxTargets targets = new MailboxTargets(store(), events);
        mailboxes.put(SENT, info(5, SENT));

        assertThat(targets.target(ALICE, SENT, "a").id()).isEqualTo(new MailboxId(5));
        assertThat(targets.target(ALICE, SENT, "a").id()).isEqualTo(new MailboxId(5));
        assertThat(lookUps).isEqualTo(1);

        events.publish(event(BOB, MailboxEvent.Kind.RENAMED));
        events.publish(event(ALICE, MailboxEvent.Kind.APPENDED));
        targets.target(ALICE, SENT, "a");
        assertThat(lookUps).as("other accounts' renames and appends change nothing").isEqualTo(1);

        mailboxes.put(SENT, info(6, SENT));
        events.publish(event(ALICE, MailboxEvent.Kind.RENAMED));
        assertThat(targets.target(ALICE, SENT, "a").id()).isEqualTo(new MailboxId(6));

        mailboxes.remove(SENT);
        events.publish(event(ALICE, MailboxEvent.Kind.DELETED));
        assertThatThrownBy(() -> targets.target(ALICE, SENT, "a7")).isInstanceOfSatisfying(CommandException.class,
                e -> assertThat(e.response().toString()).contains("TRYCREATE"));
    }

    @Test
    void withoutEventsForEveryMailboxEachTargetIsLookedUp() throws Exception {
        MailboxEvents perMailboxOnly = new MailboxEvents() {
            @Override
            public Subscription subscribe(MailboxId mailbox, Consumer<MailboxEvent> listener) {
                return () -> { };
            }

            @Override
            public void publish(MailboxEvent event) {
            }
        };
        MailboxTargets targets = new MailboxTargets(store(), perMailboxOnly);
        mailboxes.put(SENT, info(5, SENT));

        targets.target(ALICE, SENT, "a");
        targets.target(ALICE, SENT, "a");

        assertThat(lookUps).isEqualTo(2);
    }
}
