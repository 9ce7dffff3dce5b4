package io.tenmail.imap.command;

import io.tenmail.imap.wire.request.ImapRequest;

/** Holds what every handler declares: its command and the request type it takes. */
public abstract class BaseCommand<R extends ImapRequest> implements CommandHandler<R> {
    private final ImapCommand command;
    private final Class<R> requestType;

    protected BaseCommand(ImapCommand command, Class<R> requestType) {
        this.command = command;
        this.requestType = requestType;
    }

    @Override
    public final ImapCommand command() {
        return command;
    }

    @Override
    public final Class<R> requestType() {
        return requestType;
    }
}
