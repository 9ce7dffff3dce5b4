package io.tenmail.imap.command.search;

import io.tenmail.imap.command.BaseCommand;
import io.tenmail.imap.command.ImapBackend;
import io.tenmail.imap.command.ImapCommand;
import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.ThreadRequest;
import io.tenmail.imap.wire.response.ResponseWriter;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.ParsedMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * THREAD and UID THREAD: RFC 5256 §3, algorithms ORDEREDSUBJECT and REFERENCES, over the messages
 * matching the search key. Message-ID, References, In-Reply-To, Subject and Date come from the
 * parse stored at delivery.
 */
public final class ThreadCommand extends BaseCommand<ThreadRequest> {
    private final ImapBackend backend;

    public ThreadCommand(ImapBackend backend) {
        super(ImapCommand.THREAD, ThreadRequest.class);
        this.backend = backend;
    }

    @Override
    public StatusResponse handle(ImapSession session, ThreadRequest request) throws StoreException, IOException {
        List<SearchEvaluator.Candidate> hits = SearchCommand.matching(backend, session, request.key(), false);
        List<ThreadMessage> messages = new ArrayList<>(hits.size());
        try {
            for (int from = 0; from < hits.size(); from += SearchEvaluator.PARSE_CHUNK) {
                List<SearchEvaluator.Candidate> chunk = hits.subList(from, Math.min(hits.size(), from + SearchEvaluator.PARSE_CHUNK));
                SearchEvaluator.loadParsed(chunk);   // one statement per chunk, not one per message
                for (SearchEvaluator.Candidate c : chunk) {
                    ParsedMessage p = c.parsed();
                    long number = request.uid() ? c.meta.uid().value() : c.seq;
                    messages.add(ThreadMessage.of(number, c.seq, p.messageId(), p.references(), p.inReplyTo(), p.subject(),
                            SortCommand.sentDate(c)));
                    c.release();
                }
            }
        } catch (SearchEvaluator.SearchFailure e) {
            throw e.cause;
        }
        List<ThreadNode> threads = switch (request.algorithm()) {
            case ORDEREDSUBJECT -> Threading.orderedSubject(messages);
            case REFERENCES -> Threading.references(messages);
        };
        ResponseWriter w = session.writer();
        w.untagged().atom("THREAD");
        if (!threads.isEmpty()) w.token(ThreadNode.render(threads));
        w.end();
        return StatusResponse.ok(request.tag(), request.name() + " completed");
    }
}
