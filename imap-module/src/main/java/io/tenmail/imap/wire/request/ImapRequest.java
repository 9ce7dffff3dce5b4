package io.tenmail.imap.wire.request;

/**
 * A parsed command (RFC 9051 §6 and the extensions listed in {@link CommandParser}): one record
 * type per command, holding typed arguments that the grammar has already validated. Which state a
 * command is allowed in, and what it does, is decided by the command layer.
 */
public sealed interface ImapRequest
        permits SimpleRequest, IdRequest, EnableRequest, AuthenticateRequest, LoginRequest, SelectRequest,
        CreateRequest, DeleteRequest, RenameRequest, SubscribeRequest, UnsubscribeRequest, ListRequest,
        LsubRequest, StatusRequest, AppendRequest, SearchRequest, SortRequest, ThreadRequest, FetchRequest,
        StoreRequest, CopyRequest, MoveRequest, UidExpungeRequest, GetQuotaRequest, GetQuotaRootRequest,
        SetQuotaRequest, CompressRequest {

    /** The client's tag. */
    String tag();

    /** The command name in upper case with its UID prefix, e.g. {@code UID FETCH}; for logs. */
    String name();
}
