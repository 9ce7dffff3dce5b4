package io.tenmail.pop3.command;

import io.tenmail.pop3.session.Pop3Session;
import io.tenmail.pop3.session.Pop3State;
import io.tenmail.pop3.wire.Pop3CommandLine;
import io.tenmail.pop3.wire.Replies;
import io.tenmail.pop3.wire.Response;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.Uid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * QUIT, RFC 1939 §4 and §6. In AUTHORIZATION it just ends the session. In TRANSACTION it enters
 * UPDATE and removes the marked messages: one {@link MailboxStore#delete} per mailbox, each atomic
 * (INBOX alone unless Junk is included), then releases the maildrop lock. Arguments are ignored: a
 * client that says goodbye should not be kept.
 */
final class QuitCommand implements Pop3CommandHandler {
    private static final Logger log = LoggerFactory.getLogger(QuitCommand.class);

    private final MailboxStore store;

    QuitCommand(MailboxStore store) {
        this.store = store;
    }

    @Override
    public Pop3Verb verb() {
        return Pop3Verb.QUIT;
    }

    @Override
    public Response handle(Pop3Session session, Pop3CommandLine line) {
        session.requestClose();
        if (session.state() == Pop3State.AUTHORIZATION) return Replies.BYE;

        session.enterUpdate();
        Map<MailboxId, List<Uid>> deletions = session.maildrop().deletions();
        int removed = 0;
        boolean failed = false;
        for (Map.Entry<MailboxId, List<Uid>> e : deletions.entrySet()) {
            try {
                removed += store.delete(session.principal().account(), e.getKey(), e.getValue()).size();
            } catch (StoreException ex) {
                // RFC 1939 §6: answer -ERR and close; the marks are lost, the messages stay
                failed = true;
                log.warn("removing {} marked message(s) from mailbox {} failed: {} {}", e.getValue().size(),
                        e.getKey().value(), ex.reason(), ex.getMessage());
            }
        }
        session.removed(removed);
        // RFC 1939 §6: the lock goes before the reply, so a client that reconnects at once is not IN-USE
        session.release();
        return failed ? Replies.DELETED_SOME_FAILED : Replies.byeAfterUpdate(removed);
    }
}
