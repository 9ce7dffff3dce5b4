package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapState;
import io.tenmail.imap.wire.request.*;

import java.util.EnumSet;
import java.util.Set;

import static io.tenmail.imap.session.ImapState.AUTHENTICATED;
import static io.tenmail.imap.session.ImapState.NOT_AUTHENTICATED;
import static io.tenmail.imap.session.ImapState.SELECTED;

/**
 * The commands (RFC 9051 §6 and extensions), with what the grammar and the RFCs say about each:
 * the states it is valid in, and whether EXPUNGE responses may be sent while it runs. UID variants
 * belong to the same command. The dispatcher is the only place that reads {@link #allowedIn}.
 */
public enum ImapCommand {
    CAPABILITY(any()), NOOP(any()), LOGOUT(any()), ID(any()),
    STARTTLS(EnumSet.of(NOT_AUTHENTICATED)), LOGIN(EnumSet.of(NOT_AUTHENTICATED)), AUTHENTICATE(EnumSet.of(NOT_AUTHENTICATED)),
    // RFC 5161 §3.1: ENABLE belongs to the authenticated state; clients also send it once selected
    ENABLE(authenticated()), NAMESPACE(authenticated()), SELECT(authenticated()), CREATE(authenticated()),
    DELETE(authenticated()), RENAME(authenticated()), SUBSCRIBE(authenticated()), UNSUBSCRIBE(authenticated()),
    LIST(authenticated()), LSUB(authenticated()), STATUS(authenticated()), APPEND(authenticated()), IDLE(authenticated()),
    GETQUOTA(authenticated()), GETQUOTAROOT(authenticated()), SETQUOTA(authenticated()), COMPRESS(authenticated()),
    CHECK(EnumSet.of(SELECTED)), CLOSE(EnumSet.of(SELECTED)), UNSELECT(EnumSet.of(SELECTED)), EXPUNGE(EnumSet.of(SELECTED)),
    UID_EXPUNGE(EnumSet.of(SELECTED)), SEARCH(EnumSet.of(SELECTED)), SORT(EnumSet.of(SELECTED)), THREAD(EnumSet.of(SELECTED)),
    FETCH(EnumSet.of(SELECTED)), STORE(EnumSet.of(SELECTED)), COPY(EnumSet.of(SELECTED)), MOVE(EnumSet.of(SELECTED));

    private final Set<ImapState> allowedIn;

    ImapCommand(Set<ImapState> allowedIn) {
        this.allowedIn = allowedIn;
    }

    private static Set<ImapState> any() {
        return EnumSet.of(NOT_AUTHENTICATED, AUTHENTICATED, SELECTED);
    }

    private static Set<ImapState> authenticated() {
        return EnumSet.of(AUTHENTICATED, SELECTED);
    }

    public boolean allowedIn(ImapState state) {
        return allowedIn.contains(state);
    }

    /**
     * RFC 9051 §7.5.1: no EXPUNGE response while answering FETCH, STORE or SEARCH by sequence
     * number (the client's numbers must stay valid); the UID forms are exempt.
     */
    public static boolean expungeAllowedDuring(ImapRequest request) {
        if (request instanceof FetchRequest f) return f.uid();
        if (request instanceof StoreRequest s) return s.uid();
        if (request instanceof SearchRequest s) return s.uid();
        if (request instanceof SortRequest s) return s.uid();
        if (request instanceof ThreadRequest t) return t.uid();
        return true;
    }

    /** The command a parsed request is an instance of. */
    public static ImapCommand of(ImapRequest request) {
        if (request instanceof SimpleRequest s) return valueOf(s.command().name());
        if (request instanceof IdRequest) return ID;
        if (request instanceof EnableRequest) return ENABLE;
        if (request instanceof AuthenticateRequest) return AUTHENTICATE;
        if (request instanceof LoginRequest) return LOGIN;
        if (request instanceof SelectRequest) return SELECT;
        if (request instanceof CreateRequest) return CREATE;
        if (request instanceof DeleteRequest) return DELETE;
        if (request instanceof RenameRequest) return RENAME;
        if (request instanceof SubscribeRequest) return SUBSCRIBE;
        if (request instanceof UnsubscribeRequest) return UNSUBSCRIBE;
        if (request instanceof ListRequest) return LIST;
        if (request instanceof LsubRequest) return LSUB;
        if (request instanceof StatusRequest) return STATUS;
        if (request instanceof AppendRequest) return APPEND;
        if (request instanceof SearchRequest) return SEARCH;
        if (request instanceof SortRequest) return SORT;
        if (request instanceof ThreadRequest) return THREAD;
        if (request instanceof FetchRequest) return FETCH;
        if (request instanceof StoreRequest) return STORE;
        if (request instanceof CopyRequest) return COPY;
        if (request instanceof MoveRequest) return MOVE;
        if (request instanceof UidExpungeRequest) return UID_EXPUNGE;
        if (request instanceof GetQuotaRequest) return GETQUOTA;
        if (request instanceof GetQuotaRootRequest) return GETQUOTAROOT;
        if (request instanceof SetQuotaRequest) return SETQUOTA;
        if (request instanceof CompressRequest) return COMPRESS;
        throw new IllegalArgumentException("unknown request type " + request.getClass().getName());
    }
}
