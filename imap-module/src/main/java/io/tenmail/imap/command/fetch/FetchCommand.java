package io.tenmail.imap.command.fetch;

import io.tenmail.imap.command.BaseCommand;
import io.tenmail.imap.command.CommandException;
import io.tenmail.imap.command.ImapBackend;
import io.tenmail.imap.command.ImapCommand;
import io.tenmail.imap.command.QuickResync;
import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.session.SelectedMailbox;
import io.tenmail.imap.wire.ImapDates;
import io.tenmail.imap.wire.ResponseCode;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.FetchAttribute;
import io.tenmail.imap.wire.request.FetchRequest;
import io.tenmail.imap.wire.request.Partial;
import io.tenmail.imap.wire.request.Section;
import io.tenmail.imap.wire.response.BodyStructureRenderer;
import io.tenmail.imap.wire.response.EnvelopeRenderer;
import io.tenmail.imap.wire.response.ResponseWriter;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.FlagUpdate;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.MessageMeta;
import io.tenmail.storage.model.ParsedMessage;
import io.tenmail.storage.model.ParsedMessage.Part;
import io.tenmail.storage.model.Uid;
import io.tenmail.storage.model.UidRange;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * FETCH and UID FETCH: RFC 9051 §6.4.5, §7.5.2, with MODSEQ and CHANGEDSINCE (RFC 7162 §3.1.4),
 * the VANISHED modifier (§3.2.6) and BINARY (RFC 3516). ENVELOPE, BODY and BODYSTRUCTURE come
 * from the parse stored at APPEND or delivery; sections are cut from the blob by the offsets that parse recorded. A non-PEEK body
 * fetch sets \Seen (unless the mailbox is read-only) and reports the new FLAGS in the same response.
 * Messages expunged by another session meanwhile are left out of the response (RFC 9051 §7.5.1
 * lets the server omit them).
 */
public final class FetchCommand extends BaseCommand<FetchRequest> {
    /** Messages whose parses are read with one statement. */
    static final int PARSE_CHUNK = 500;
    /** Parses kept across commands and sessions: ~1-2 KiB each for typical mail. */
    private final ImapBackend backend;

    public FetchCommand(ImapBackend backend) {
        super(ImapCommand.FETCH, FetchRequest.class);
        this.backend = backend;
    }

    @Override
    public StatusResponse handle(ImapSession session, FetchRequest request) throws StoreException, CommandException, IOException {
        // RFC 7162 §3.2.6: VANISHED is an error unless the client enabled QRESYNC
        if (request.vanished() && !session.isEnabled(ImapSession.Extension.QRESYNC)) {
            throw CommandException.bad(request.tag(), "VANISHED needs ENABLE QRESYNC");
        }
        SelectedMailbox selected = session.selected();
        List<FetchAttribute> items = new ArrayList<>(request.attributes());
        if (request.uid() && !items.contains(FetchAttribute.Simple.UID)) items.add(0, FetchAttribute.Simple.UID);
        if (request.changedSince().isPresent() || items.contains(FetchAttribute.Simple.MODSEQ)) session.useCondstore();
        if (request.changedSince().isPresent() && !items.contains(FetchAttribute.Simple.MODSEQ)) items.add(FetchAttribute.Simple.MODSEQ);

        List<SelectedMailbox.Message> messages = selected.resolve(request.set(), request.uid());
        if (request.vanished()) {
            QuickResync.vanishedSince(session, backend.store(), request.set(), request.changedSince().getAsLong());
        }
        if (messages.isEmpty()) return StatusResponse.ok(request.tag(), request.name() + " completed");
        if (!selected.isStale() && items.stream().allMatch(FetchCommand::inView)) return fromView(session, request, items, messages);
        Map<Long, MessageMeta> metas = viewMetas(selected, messages);
        if (metas == null) {
            metas = new HashMap<>();
            List<UidRange> ranges = SelectedMailbox.uidRanges(messages);
            for (MessageMeta m : backend.store().messages(session.owner(), selected.id(), ranges)) metas.put(m.uid().value(), m);
        }

        boolean setsSeen = !selected.readOnly() && items.stream().anyMatch(FetchCommand::setsSeen);
        List<Long> seenNow = new ArrayList<>();
        if (setsSeen) seenNow = markSeen(session, selected, metas);
        if (!seenNow.isEmpty() && !items.contains(FetchAttribute.Simple.FLAGS)) items.add(FetchAttribute.Simple.FLAGS);

        boolean missing = false;
        boolean parse = items.stream().anyMatch(FetchCommand::needsParse);
        Map<Uid, ParsedMessage> parses = Map.of();
        ResponseWriter w = session.writer();
        for (int i = 0; i < messages.size(); i++) {
            SelectedMailbox.Message m = messages.get(i);
            if (parse && i % PARSE_CHUNK == 0) {
                // one statement per chunk instead of one per message; bounded memory for 1:*
                List<SelectedMailbox.Message> chunk = messages.subList(i, Math.min(messages.size(), i + PARSE_CHUNK));
                parses = parses(session, chunk, metas);
            }
            MessageMeta meta = metas.get(m.uid());
            ParsedMessage parsed = parse && meta != null ? parses.get(meta.uid()) : null;
            if (meta == null || (parse && parsed == null)) {   // expunged meanwhile
                missing = true;
                continue;
            }
            if (request.changedSince().isPresent() && meta.modSeq().value() <= request.changedSince().getAsLong()) continue;
            w.untagged().number(m.seq()).atom("FETCH").openList();
            for (FetchAttribute item : items) {
                if (item == FetchAttribute.Simple.FLAGS && !request.attributes().contains(item) && !seenNow.contains(m.uid())) {
                    continue;
                }
                writeItem(request.tag(), w, item, meta, parsed);
            }
            w.closeList().end();
        }
        StatusResponse ok = StatusResponse.ok(request.tag(), request.name() + " completed");
        if (missing && !request.uid()) {
            return StatusResponse.no(request.tag(), ResponseCode.EXPUNGEISSUED, "Some messages were expunged meanwhile");
        }
        return ok;
    }

    /**
     * The messages' metadata from the view (docs/adr/0014): size, internal date and blob never
     * change, and flags and MODSEQ are current while the view is not stale. Messages whose expunge
     * is held back are left out, as the store would. Null when the view is stale or lacks a
     * message's facts: then the store is read.
     */
    private static Map<Long, MessageMeta> viewMetas(SelectedMailbox selected, List<SelectedMailbox.Message> messages) {
        if (selected.isStale()) return null;
        Map<Long, MessageMeta> metas = new HashMap<>();
        for (SelectedMailbox.Message m : messages) {
            if (selected.isExpungePending(m.uid())) continue;
            MessageMeta meta = selected.metaAt(m.seq());
            if (meta == null) return null;
            metas.put(m.uid(), meta);
        }
        return metas;
    }

    /** The parses of these messages: from the cache, the others with one statement. */
    private Map<Uid, ParsedMessage> parses(ImapSession session, List<SelectedMailbox.Message> chunk, Map<Long, MessageMeta> metas)
            throws StoreException {
        Map<Uid, ParsedMessage> found = new HashMap<>();
        List<SelectedMailbox.Message> missing = new ArrayList<>();
        for (SelectedMailbox.Message m : chunk) {
            MessageMeta meta = metas.get(m.uid());
            if (meta == null) continue;
            ParsedMessage cached = backend.parses().get(meta.blob());
            if (cached != null) found.put(meta.uid(), cached);
            else missing.add(m);
        }
        if (missing.isEmpty()) return found;
        for (Map.Entry<Uid, ParsedMessage> e : backend.store().parsed(session.owner(), session.selected().id(),
                SelectedMailbox.uidRanges(missing)).entrySet()) {
            found.put(e.getKey(), e.getValue());
            MessageMeta meta = metas.get(e.getKey().value());
            if (meta != null) backend.parses().put(meta.blob(), e.getValue());
        }
        return found;
    }

    /** UID, FLAGS and MODSEQ: what the session's view of the mailbox holds. */
    private static boolean inView(FetchAttribute a) {
        return a == FetchAttribute.Simple.UID || a == FetchAttribute.Simple.FLAGS || a == FetchAttribute.Simple.MODSEQ;
    }

    /**
     * A FETCH of UID, FLAGS and MODSEQ only, answered from the view while no change event says it
     * is behind the store: no database read, one response line per message written as it goes
     * (what clients send to resynchronise flags, e.g. {@code UID FETCH 1:* (FLAGS)}). Messages
     * another session expunged are left out, as on the stored path.
     */
    private static StatusResponse fromView(ImapSession session, FetchRequest request, List<FetchAttribute> items,
                                           List<SelectedMailbox.Message> messages) throws IOException {
        SelectedMailbox selected = session.selected();
        ResponseWriter w = session.writer();
        long changedSince = request.changedSince().orElse(-1);
        boolean missing = false;
        for (SelectedMailbox.Message m : messages) {
            if (selected.isExpungePending(m.uid())) {
                missing = true;
                continue;
            }
            long modSeq = selected.modSeqAt(m.seq());
            if (changedSince >= 0 && modSeq <= changedSince) continue;
            w.untagged().number(m.seq()).atom("FETCH").openList();
            for (FetchAttribute item : items) {
                FetchAttribute.Simple s = (FetchAttribute.Simple) item;
                w.atom(s.wire());
                switch (s) {
                    case UID -> w.number(m.uid());
                    case FLAGS -> w.flags(selected.flagsAt(m.seq()));
                    case MODSEQ -> w.openList().number(modSeq).closeList();
                    default -> throw new IllegalStateException("not in the view: " + s);
                }
            }
            w.closeList().end();
        }
        if (missing && !request.uid()) {
            return StatusResponse.no(request.tag(), ResponseCode.EXPUNGEISSUED, "Some messages were expunged meanwhile");
        }
        return StatusResponse.ok(request.tag(), request.name() + " completed");
    }

    private List<Long> markSeen(ImapSession session, SelectedMailbox selected, Map<Long, MessageMeta> metas) throws StoreException {
        List<Long> unseen = metas.values().stream().filter(m -> !m.flags().has(Flags.SystemFlag.SEEN))
                .map(m -> m.uid().value()).sorted().toList();
        if (unseen.isEmpty()) return List.of();
        List<UidRange> ranges = new ArrayList<>();
        for (long u : unseen) ranges.add(new UidRange(u, u));
        var result = backend.store().storeFlags(session.owner(), selected.id(), ranges, FlagUpdate.ADD,
                Flags.of(Flags.SystemFlag.SEEN), Optional.empty());
        selected.noteOwnFlagChanges(result.updated());
        for (MessageMeta m : result.updated()) metas.put(m.uid().value(), m);
        return unseen;
    }

    private static boolean setsSeen(FetchAttribute a) {
        if (a instanceof FetchAttribute.Body b) return !b.peek();
        if (a instanceof FetchAttribute.Binary b) return !b.peek();
        return a == FetchAttribute.Simple.RFC822 || a == FetchAttribute.Simple.RFC822_TEXT;
    }

    private static boolean needsParse(FetchAttribute a) {
        if (a instanceof FetchAttribute.Simple s) {
            return switch (s) {
                case ENVELOPE, BODY, BODYSTRUCTURE, RFC822_HEADER, RFC822_TEXT -> true;
                default -> false;
            };
        }
        if (a instanceof FetchAttribute.Body b) return !b.section().equals(Section.WHOLE);
        return true;
    }

    private void writeItem(String tag, ResponseWriter w, FetchAttribute item, MessageMeta meta, ParsedMessage parsed)
            throws IOException, StoreException, CommandException {
        if (item instanceof FetchAttribute.Simple s) {
            w.atom(s.wire());
            switch (s) {
                case UID -> w.number(meta.uid().value());
                case FLAGS -> w.flags(meta.flags());
                case INTERNALDATE -> w.string(ImapDates.formatDateTime(meta.internalDate(), ZoneOffset.UTC));
                case RFC822_SIZE -> w.number(meta.size());
                case MODSEQ -> w.openList().number(meta.modSeq().value()).closeList();
                case ENVELOPE -> EnvelopeRenderer.write(w, parsed);
                case BODYSTRUCTURE -> BodyStructureRenderer.writeBodyStructure(w, parsed.root());
                case BODY -> BodyStructureRenderer.writeBody(w, parsed.root());
                case RFC822 -> wholeMessage(w, meta, null);
                case RFC822_HEADER -> w.literal(MessageContent.read(backend.blobs(), meta.blob(), 0, parsed.root().bodyStart()));
                case RFC822_TEXT -> w.literal(MessageContent.read(backend.blobs(), meta.blob(), parsed.root().bodyStart(), parsed.root().end()));
            }
        } else if (item instanceof FetchAttribute.Body b) {
            w.token(b.responseName());
            if (b.section().equals(Section.WHOLE)) {
                wholeMessage(w, meta, b.partial());
            } else {
                byte[] octets = section(meta, parsed, b.section());
                literal(w, octets == null ? new byte[0] : octets, b.partial(), false);
            }
        } else if (item instanceof FetchAttribute.Binary b) {
            byte[] decoded = binary(tag, meta, parsed, b.part());
            w.token(b.responseName());
            literal(w, decoded, b.partial(), true);
        } else if (item instanceof FetchAttribute.BinarySize b) {
            w.token(b.responseName()).number(binary(tag, meta, parsed, b.part()).length);
        }
    }

    private void wholeMessage(ResponseWriter w, MessageMeta meta, Partial partial) throws IOException, StoreException {
        long origin = partial == null ? 0 : Math.min(partial.origin(), meta.size());
        long length = partial == null ? meta.size() : Math.min(partial.count(), meta.size() - origin);
        try (InputStream in = backend.blobs().open(meta.blob(), origin)) {
            w.literal(length, in, false);
        }
    }

    private static void literal(ResponseWriter w, byte[] octets, Partial partial, boolean binary) throws IOException {
        byte[] out = octets;
        if (partial != null) {
            int from = (int) Math.min(partial.origin(), octets.length);
            int to = (int) Math.min((long) from + partial.count(), octets.length);
            out = java.util.Arrays.copyOfRange(octets, from, to);
        }
        boolean nul = false;
        for (byte b : out) if (b == 0) nul = true;
        // RFC 3516 §4.2: literal8 only when the decoded data contains NUL
        w.literal(out.length, new java.io.ByteArrayInputStream(out), binary && nul);
    }

    /** BODY[section] octets, or null when the part does not exist (answered as an empty string). */
    private byte[] section(MessageMeta meta, ParsedMessage parsed, Section section) throws IOException, StoreException {
        boolean top = section.part().isEmpty();
        Part part = MessageContent.locate(parsed.root(), section.part());
        if (part == null) return null;
        if (section.text() == null) return MessageContent.read(backend.blobs(), meta.blob(), part.bodyStart(), part.end());
        if (section.text() == Section.Text.MIME) return MessageContent.read(backend.blobs(), meta.blob(), part.headerStart(), part.bodyStart());
        Part message = MessageContent.messageOf(part, top);
        if (message == null) return null;
        return switch (section.text()) {
            case HEADER -> MessageContent.read(backend.blobs(), meta.blob(), message.headerStart(), message.bodyStart());
            case TEXT -> MessageContent.read(backend.blobs(), meta.blob(), message.bodyStart(), message.end());
            case HEADER_FIELDS, HEADER_FIELDS_NOT -> MessageContent.headerFields(
                    MessageContent.read(backend.blobs(), meta.blob(), message.headerStart(), message.bodyStart()),
                    section.fields(), section.text() == Section.Text.HEADER_FIELDS_NOT);
            case MIME -> throw new IllegalStateException("handled above");
        };
    }

    private byte[] binary(String tag, MessageMeta meta, ParsedMessage parsed, List<Integer> path) throws IOException, StoreException, CommandException {
        Part part = MessageContent.locate(parsed.root(), path);
        if (part == null) throw CommandException.no(tag, ResponseCode.NONEXISTENT, "No such part");
        byte[] raw = MessageContent.read(backend.blobs(), meta.blob(), part.bodyStart(), part.end());
        if (path.isEmpty() || MessageContent.isMultipart(part)) return raw;
        byte[] decoded = MessageContent.decoded(raw, part.encoding());
        if (decoded == null) throw CommandException.no(tag, ResponseCode.UNKNOWN_CTE, "Unknown Content-Transfer-Encoding " + part.encoding());
        return decoded;
    }
}
