package io.tenmail.imap.command;

import io.tenmail.imap.wire.ResponseCode;
import io.tenmail.imap.wire.StatusResponse;

/** A client mistake or refusal found while running a command, carrying the tagged response. */
public final class CommandException extends Exception {
    private final transient StatusResponse response;

    public CommandException(StatusResponse response) {
        super(response.render(), null, false, false);
        this.response = response;
    }

    public StatusResponse response() {
        return response;
    }

    public static CommandException bad(String tag, String text) {
        return new CommandException(StatusResponse.bad(tag, text));
    }

    public static CommandException no(String tag, ResponseCode code, String text) {
        return new CommandException(code == null ? StatusResponse.no(tag, text) : StatusResponse.no(tag, code, text));
    }
}
