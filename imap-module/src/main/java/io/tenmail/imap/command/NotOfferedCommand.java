package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.ImapRequest;

/**
 * Commands the grammar knows but this server does not announce yet (SORT, THREAD, COMPRESS; see
 * docs/imap.md). A client must not send them without the capability, so BAD.
 */
final class NotOfferedCommand<R extends ImapRequest> extends BaseCommand<R> {

    NotOfferedCommand(ImapCommand command, Class<R> type) {
        super(command, type);
    }

    @Override
    public StatusResponse handle(ImapSession session, R request) {
        return StatusResponse.bad(request.tag(), request.name() + " is not supported by this server");
    }
}
