package io.tenmail.smtp.command;

import io.tenmail.smtp.session.SmtpSession;
import io.tenmail.smtp.wire.SmtpCommandLine;
import io.tenmail.smtp.wire.SmtpVerb;
import io.tenmail.storage.StoreException;

/**
 * The behaviour of one verb. The {@link CommandDispatcher} calls it only in a state that allows
 * the verb, so a handler never checks the state. It replies through {@link SmtpSession#reply}:
 * at once, or, for a command that reads more input first (DATA, BDAT, AUTH), from the {@link
 * io.tenmail.smtp.session.PendingInput} it installs.
 */
public interface SmtpCommandHandler {

    /** The verb this handler runs. */
    SmtpVerb verb();

    /**
     * Runs the command.
     *
     * @throws StoreException when a store it asks fails; the dispatcher answers with {@link SmtpErrors}
     */
    void handle(SmtpSession session, SmtpCommandLine line) throws StoreException;
}
