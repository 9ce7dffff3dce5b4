package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.wire.ListPattern;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.ListRequest;
import io.tenmail.imap.wire.request.ListRequest.ReturnOption;
import io.tenmail.imap.wire.request.ListRequest.SelectionOption;
import io.tenmail.imap.wire.response.ResponseWriter;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.MailboxInfo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * LIST: RFC 9051 §6.3.9 with LIST-EXTENDED (RFC 5258: SUBSCRIBED, RECURSIVEMATCH, RETURN
 * SUBSCRIBED/CHILDREN), SPECIAL-USE (RFC 6154: attributes always, selection and return option),
 * CHILDREN (RFC 3348) and LIST-STATUS (RFC 5819). The store creates missing parents, so every
 * level of a hierarchy exists and no \NonExistent placeholder is needed.
 */
final class ListCommand extends BaseCommand<ListRequest> {
    private final ImapBackend backend;
    private final StatusWriter status;

    ListCommand(ImapBackend backend) {
        super(ImapCommand.LIST, ListRequest.class);
        this.backend = backend;
        this.status = new StatusWriter(backend.store());
    }

    @Override
    public StatusResponse handle(ImapSession session, ListRequest request) throws StoreException, IOException {
        ResponseWriter w = session.writer();
        if (request.asksForDelimiter()) {
            w.untagged().atom("LIST").openList().atom("\\Noselect").closeList().string("/").string("").end();
            return StatusResponse.ok(request.tag(), "LIST completed");
        }
        List<MailboxInfo> all = backend.store().mailboxes(session.owner());
        List<ListPattern> patterns = request.matchers();
        boolean subscribedOnly = request.selection().contains(SelectionOption.SUBSCRIBED);
        boolean recursive = request.selection().contains(SelectionOption.RECURSIVEMATCH);
        boolean specialOnly = request.selection().contains(SelectionOption.SPECIAL_USE);
        boolean returnSubscribed = subscribedOnly || request.returns().contains(ReturnOption.SUBSCRIBED);
        for (MailboxInfo m : all) {
            String name = m.name().path();
            if (patterns.stream().noneMatch(p -> p.matches(name))) continue;
            boolean childSubscribed = recursive && all.stream().anyMatch(c -> c.subscribed() && isChild(c, name));
            if (subscribedOnly && !m.subscribed() && !childSubscribed) continue;
            if (specialOnly && m.specialUse().isEmpty()) continue;
            List<String> attributes = new ArrayList<>();
            attributes.add(all.stream().anyMatch(c -> isChild(c, name)) ? "\\HasChildren" : "\\HasNoChildren");
            if (returnSubscribed && m.subscribed()) attributes.add("\\Subscribed");
            m.specialUse().ifPresent(u -> attributes.add(u.attribute()));
            w.untagged().atom("LIST").openList();
            for (String a : attributes) w.atom(a);
            w.closeList().string("/").mailbox(name);
            if (childSubscribed) {
                // RFC 5258 §3.5: CHILDINFO says why a mailbox that matches only through its children is listed
                w.openList().string("CHILDINFO").openList().string("SUBSCRIBED").closeList().closeList();
            }
            w.end();
            if (!request.statusItems().isEmpty()) status.write(session, m, request.statusItems());
        }
        return StatusResponse.ok(request.tag(), "LIST completed");
    }

    private static boolean isChild(MailboxInfo candidate, String parent) {
        String path = candidate.name().path();
        return path.length() > parent.length() + 1 && path.startsWith(parent) && path.charAt(parent.length()) == '/';
    }
}
