package io.tenmail.pop3.command;

import io.tenmail.pop3.session.MaildropLocks;
import io.tenmail.pop3.session.Pop3Session;
import io.tenmail.pop3.session.Pop3State;
import io.tenmail.pop3.wire.InputLine;
import io.tenmail.pop3.wire.MalformedLineException;
import io.tenmail.pop3.wire.Pop3CommandLine;
import io.tenmail.pop3.wire.Replies;
import io.tenmail.pop3.wire.Reply;
import io.tenmail.pop3.wire.Response;
import io.tenmail.protocol.auth.LoginThrottle;
import io.tenmail.storage.BlobStore;
import io.tenmail.storage.Directory;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Turns one input line into one response: routes SASL continuation lines to AUTH, parses
 * commands, refuses unknown verbs and verbs in the wrong state (the only place that checks the
 * state), runs the handler, and maps failures: grammar errors to {@code -ERR reason}, store
 * outcomes through {@link Pop3Errors}, anything unexpected to {@code -ERR [SYS/TEMP] Internal
 * error, ref ...} with the stack trace logged once under that reference. Never throws, so a bad
 * line never breaks the session. Thread-safe: holds no per-connection state.
 */
public final class CommandDispatcher {
    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);

    private final Map<Pop3Verb, Pop3CommandHandler> handlers = new EnumMap<>(Pop3Verb.class);
    private final AuthCommand auth;

    CommandDispatcher(List<Pop3CommandHandler> handlers) {
        for (Pop3CommandHandler h : handlers) {
            if (this.handlers.put(h.verb(), h) != null) throw new IllegalArgumentException("two handlers for " + h.verb());
        }
        for (Pop3Verb verb : Pop3Verb.values()) {
            if (!this.handlers.containsKey(verb)) throw new IllegalStateException("no handler for " + verb);
        }
        this.auth = (AuthCommand) this.handlers.get(Pop3Verb.AUTH);
    }

    /**
     * Every command, wired to the stores.
     *
     * @param locks       the server's maildrop locks, shared by all its listeners
     * @param includeJunk whether the maildrop includes the Junk mailbox after INBOX
     */
    public static CommandDispatcher create(Directory directory, MailboxStore store, BlobStore blobs, LoginThrottle throttle,
                                           MaildropLocks locks, boolean includeJunk) {
        Login login = new Login(directory, new MaildropLoader(store, includeJunk), locks, throttle);
        return new CommandDispatcher(List.of(
                new CapaCommand(), new QuitCommand(store), new StlsCommand(), new UserCommand(), new PassCommand(login),
                new AuthCommand(login), new StatCommand(), new ListCommand(), new RetrCommand(blobs), new DeleCommand(),
                new NoopCommand(), new RsetCommand(), new TopCommand(blobs), new UidlCommand()));
    }

    /** The response to one line from the client. */
    public Response dispatch(Pop3Session session, InputLine line) {
        try {
            if (session.sasl() != null) return auth.respond(session, line);
            Pop3CommandLine command;
            try {
                command = Pop3CommandLine.parse(line);
            } catch (MalformedLineException e) {
                return clientMistake(line.tooLong() ? "line too long" : "malformed", Replies.syntaxError(e.getMessage()));
            }
            Pop3Verb verb = Pop3Verb.forKeyword(command.keyword());
            if (verb == null) {
                return clientMistake(command.keywordIsPrintable() ? command.keyword() : "unprintable", Replies.UNKNOWN_COMMAND);
            }
            if (!verb.allowedIn(session.state())) {
                return clientMistake(command.keyword(), Replies.notAllowedInState(verb.name(), session.state() != Pop3State.AUTHORIZATION));
            }
            try {
                return handlers.get(verb).handle(session, command);
            } catch (MalformedLineException e) {
                return clientMistake(command.keyword(), Replies.syntaxError(e.getMessage()));
            } catch (StoreException e) {
                Reply reply = Pop3Errors.reply(e);
                log.info("{} failed in the store: {} {}", verb, e.reason(), e.getMessage());
                return reply;
            }
        } catch (StoreException e) {
            log.info("AUTH failed in the store: {} {}", e.reason(), e.getMessage());
            return Pop3Errors.reply(e);
        } catch (RuntimeException e) {
            String reference = reference();
            log.error("internal error, ref {} (state {})", reference, session.state(), e);
            // the session's state may not be what the client believes; make it start over
            session.requestClose();
            return Replies.internalError(reference);
        }
    }

    private static Reply clientMistake(String what, Reply reply) {
        log.info("protocol error: {} -> {}", what, reply);
        return reply;
    }

    private static String reference() {
        return Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
    }
}
