package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.session.ImapState;
import io.tenmail.imap.session.RequestDispatcher;
import io.tenmail.imap.wire.ResponseCode;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.ImapRequest;
import io.tenmail.storage.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Runs requests: the only place that checks whether a command is valid in the session's state,
 * and the one place where failures become responses (STYLE.md §6): client mistakes and refusals
 * ({@link CommandException}) as they are, store outcomes through {@link ImapErrors}, and anything
 * unexpected as {@code NO [SERVERBUG] … ref XXXXXX}, logged once at ERROR with that reference.
 */
public final class CommandDispatcher implements RequestDispatcher {
    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);
    private static final SecureRandom REFS = new SecureRandom();

    private final Map<ImapCommand, CommandHandler<?>> handlers = new EnumMap<>(ImapCommand.class);
    private final Completion completion;
    private final Capabilities capabilities;

    public CommandDispatcher(List<CommandHandler<?>> handlerList, Completion completion, Capabilities capabilities) {
        for (CommandHandler<?> h : handlerList) {
            if (handlers.put(h.command(), h) != null) throw new IllegalStateException("two handlers for " + h.command());
        }
        for (ImapCommand c : ImapCommand.values()) {
            if (!handlers.containsKey(c)) throw new IllegalStateException("no handler for " + c);
        }
        this.completion = completion;
        this.capabilities = capabilities;
    }

    /** The dispatcher with every command of this module. */
    public static CommandDispatcher create(ImapBackend backend) {
        Completion completion = new Completion(backend.store());
        Capabilities capabilities = new Capabilities();
        return new CommandDispatcher(Commands.all(backend, completion, capabilities), completion, capabilities);
    }

    @Override
    public String capabilities(ImapSession session) {
        return capabilities.of(session);
    }

    @Override
    public void dispatch(ImapSession session, ImapRequest request) {
        ImapCommand command = ImapCommand.of(request);
        try {
            if (!command.allowedIn(session.state())) {
                log.info("{} refused in state {}", request.name(), session.state());
                completion.complete(session, request, StatusResponse.bad(request.tag(),
                        request.name() + " is not valid " + describe(session.state())));
                return;
            }
            StatusResponse response;
            try {
                response = run(handlers.get(command), session, request);
            } catch (CommandException e) {
                log.info("{} refused: {}", request.name(), e.response().render());
                response = e.response();
            } catch (StoreException e) {
                if (e.reason() == StoreException.Reason.TEMPORARY) log.warn("{} failed: {}", request.name(), e.getMessage(), e);
                else log.info("{} failed: {} {}", request.name(), e.reason(), e.getMessage());
                response = ImapErrors.of(request.tag(), e);
            } catch (IllegalArgumentException e) {
                // values the grammar could not check without the mailbox (sequence numbers, keywords)
                log.info("{} refused: {}", request.name(), e.getMessage());
                response = StatusResponse.bad(request.tag(), oneLine(e.getMessage()));
            }
            if (response == null) return;   // the command goes on (IDLE, AUTHENTICATE)
            if (session.state() == ImapState.LOGOUT) return;
            completion.complete(session, request, response);
        } catch (IOException | UncheckedIOException e) {
            log.debug("{} could not be answered: connection gone", request.name(), e);
            session.logout();
        } catch (RuntimeException e) {
            String ref = HexFormat.of().toHexDigits(REFS.nextInt()).substring(2);
            log.error("{} failed unexpectedly, ref {}", request.name(), ref, e);
            try {
                session.writer().status(StatusResponse.no(request.tag(), ResponseCode.SERVERBUG, "Internal error, ref " + ref));
            } catch (IOException io) {
                session.logout();
            }
            // the session's view may be inconsistent now: start again from a known state
            if (session.state() == ImapState.SELECTED) session.unselect();
        }
    }

    @SuppressWarnings("unchecked")
    private static <R extends ImapRequest> StatusResponse run(CommandHandler<R> handler, ImapSession session, ImapRequest request)
            throws StoreException, CommandException, IOException {
        return handler.handle(session, handler.requestType().cast(request));
    }

    private static String describe(ImapState state) {
        return "in the " + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " state";
    }

    private static String oneLine(String s) {
        return s == null || s.isBlank() ? "Invalid arguments" : s.replaceAll("[\\r\\n]", " ");
    }
}
