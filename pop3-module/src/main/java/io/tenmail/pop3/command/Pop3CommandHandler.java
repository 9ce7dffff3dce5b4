package io.tenmail.pop3.command;

import io.tenmail.pop3.session.Pop3Session;
import io.tenmail.pop3.wire.MalformedLineException;
import io.tenmail.pop3.wire.Pop3CommandLine;
import io.tenmail.pop3.wire.Response;
import io.tenmail.storage.StoreException;

/**
 * Behaviour of one verb. The {@link CommandDispatcher} has already checked that the verb is valid
 * in the session's state; handlers do not check it again. A {@link MalformedLineException}
 * becomes {@code -ERR} with its message, a {@link StoreException} goes through {@link Pop3Errors}.
 */
interface Pop3CommandHandler {

    Pop3Verb verb();

    Response handle(Pop3Session session, Pop3CommandLine line) throws StoreException, MalformedLineException;
}
