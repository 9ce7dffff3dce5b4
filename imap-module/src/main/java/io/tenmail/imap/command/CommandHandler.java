package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.ImapRequest;
import io.tenmail.storage.StoreException;

import java.io.IOException;

/**
 * Runs one command. The dispatcher has already checked the state; the handler writes untagged
 * responses to {@link ImapSession#writer()} and returns the tagged one, or null when the command
 * goes on (IDLE, an AUTHENTICATE exchange) and will complete through {@link Completion}.
 */
public interface CommandHandler<R extends ImapRequest> {

    ImapCommand command();

    Class<R> requestType();

    StatusResponse handle(ImapSession session, R request) throws StoreException, CommandException, IOException;
}
