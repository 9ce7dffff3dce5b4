package io.tenmail.imap.session;

import io.tenmail.imap.wire.request.ImapRequest;

/** Runs a parsed request for a session: the command layer's entry point, as the session sees it. */
public interface RequestDispatcher {

    /** Runs the request and writes its responses; never throws for a failed command. */
    void dispatch(ImapSession session, ImapRequest request);

    /** The capabilities to announce in the session's current state (RFC 9051 §7.2.2). */
    String capabilities(ImapSession session);
}
