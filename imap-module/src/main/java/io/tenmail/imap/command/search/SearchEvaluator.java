package io.tenmail.imap.command.search;

import io.tenmail.imap.command.fetch.MessageContent;
import io.tenmail.imap.command.ParseCache;
import io.tenmail.imap.session.SelectedMailbox;
import io.tenmail.imap.wire.request.SearchKey;
import io.tenmail.storage.BlobStore;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.MessageIndex;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.MessageMeta;
import io.tenmail.storage.model.ParsedMessage;
import io.tenmail.storage.model.ParsedMessage.Part;
import io.tenmail.storage.model.Uid;
import io.tenmail.storage.model.UidRange;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides whether one message matches a search key (RFC 9051 §6.4.4, WITHIN RFC 5032, MODSEQ RFC
 * 7162 §3.1.5). Flags, dates, sizes and numbers come from the message's metadata. Text keys
 * (SUBJECT, FROM, TO, CC, BCC, BODY, TEXT) are answered by the full-text index for the messages
 * it covers ({@code answers}, one per key); otherwise address and subject keys read the parse
 * stored at delivery (encoded words decoded, RFC 2047), HEADER reads the parse for the fields it
 * keeps and the blob's header for the others, BODY and TEXT read the blob and decode each text
 * part's transfer encoding and charset. Comparisons are case-insensitive substring matches.
 * Parses are read in batches ({@link #loadParsed}). Not thread-safe: one evaluator per SEARCH.
 */
final class SearchEvaluator {
    private final MailboxStore store;
    private final BlobStore blobs;
    private final ParseCache parses;
    private final AccountId owner;
    private final SelectedMailbox selected;
    private final Clock clock;
    private final Map<SearchKey, MessageIndex.Hits> answers;

    SearchEvaluator(MailboxStore store, BlobStore blobs, ParseCache parses, AccountId owner, SelectedMailbox selected, Clock clock,
                    Map<SearchKey, MessageIndex.Hits> answers) {
        this.store = store;
        this.parses = parses;
        this.blobs = blobs;
        this.owner = owner;
        this.selected = selected;
        this.clock = clock;
        this.answers = answers;
    }

    /** Candidates whose parses one statement reads. */
    static final int PARSE_CHUNK = 500;

    /**
     * Reads the parses of these candidates that have none yet, {@link #PARSE_CHUNK} per statement,
     * instead of one statement per message on first use.
     */
    static void loadParsed(List<Candidate> candidates) throws StoreException {
        List<Candidate> missing = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.parsed == null) c.parsed = c.evaluator().parses.get(c.meta.blob());
            if (c.parsed == null) missing.add(c);
        }
        for (int i = 0; i < missing.size(); i += PARSE_CHUNK) {
            List<Candidate> chunk = missing.subList(i, Math.min(missing.size(), i + PARSE_CHUNK));
            SearchEvaluator evaluator = chunk.get(0).evaluator();
            List<UidRange> ranges = new ArrayList<>();
            for (Candidate c : chunk) ranges.add(UidRange.of(c.meta.uid()));
            Map<Uid, ParsedMessage> parses = evaluator.store.parsed(evaluator.owner, evaluator.selected.id(), ranges);
            for (Candidate c : chunk) {
                c.parsed = parses.get(c.meta.uid());   // null: expunged meanwhile, read alone
                evaluator.parses.put(c.meta.blob(), c.parsed);
            }
        }
    }

    /** Whether evaluating {@code key} on these candidates reads their parses (so they are worth batching). */
    boolean needsParse(SearchKey key, List<Candidate> candidates) {
        if (key instanceof SearchKey.HeaderContains h) {
            MessageIndex.Hits hits = answers.get(h);
            return hits == null || candidates.stream().anyMatch(c -> !hits.covers(c.meta.uid().value()));
        }
        if (key instanceof SearchKey.DateIs d) return d.field() != SearchKey.DateField.INTERNAL;
        if (key instanceof SearchKey.Contains ct) {
            MessageIndex.Hits hits = answers.get(ct);
            return hits == null || candidates.stream().anyMatch(c -> !hits.covers(c.meta.uid().value()));
        }
        if (key instanceof SearchKey.Not n) return needsParse(n.key(), candidates);
        if (key instanceof SearchKey.Or o) return needsParse(o.left(), candidates) || needsParse(o.right(), candidates);
        if (key instanceof SearchKey.And a) return a.keys().stream().anyMatch(k -> needsParse(k, candidates));
        return false;
    }

    /** One candidate message, with what is expensive to get loaded on first use. */
    final class Candidate {
        final int seq;
        final MessageMeta meta;
        private ParsedMessage parsed;
        private byte[] header;
        private String bodyText;

        Candidate(int seq, MessageMeta meta) {
            this.seq = seq;
            this.meta = meta;
        }

        SearchEvaluator evaluator() {
            return SearchEvaluator.this;
        }

        /** Forgets what was loaded, so that a large result keeps only the metadata. */
        void release() {
            parsed = null;
            header = null;
            bodyText = null;
        }

        ParsedMessage parsed() {
            if (parsed == null) parsed = parses.get(meta.blob());
            if (parsed == null) {
                try {
                    parsed = store.parsed(owner, selected.id(), meta.uid());
                    parses.put(meta.blob(), parsed);
                } catch (StoreException e) {
                    throw new SearchFailure(e);
                }
            }
            return parsed;
        }

        byte[] header() {
            if (header == null) header = read(0, parsed().root().bodyStart());
            return header;
        }

        String bodyText() {
            if (bodyText == null) {
                StringBuilder sb = new StringBuilder();
                appendText(parsed().root(), sb);
                bodyText = sb.toString().toLowerCase(Locale.ROOT);
            }
            return bodyText;
        }

        private void appendText(Part p, StringBuilder sb) {
            if (MessageContent.isMultipart(p) || MessageContent.isMessage(p)) {
                for (Part c : p.parts()) appendText(c, sb);
                return;
            }
            if (!"text".equals(p.type())) return;
            try {
                byte[] decoded = MessageContent.decoded(read(p.bodyStart(), p.end()), p.encoding());
                if (decoded == null) return;
                sb.append(decodeText(decoded, p.parameters().get("charset"))).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private byte[] read(long start, long end) {
            try {
                return MessageContent.read(blobs, meta.blob(), start, end);
            } catch (StoreException e) {
                throw new SearchFailure(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Carries a StoreException out of the lazy getters. */
    static final class SearchFailure extends RuntimeException {
        final StoreException cause;

        SearchFailure(StoreException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }

    boolean matches(SearchKey key, Candidate c) {
        if (key instanceof SearchKey.All) return true;
        if (key instanceof SearchKey.FlagIs f) return c.meta.flags().has(f.flag()) == f.set();
        if (key instanceof SearchKey.KeywordIs k) return c.meta.flags().hasKeyword(k.keyword()) == k.set();
        if (key instanceof SearchKey.RecentIs r) return !r.recent();   // no message is \Recent here
        if (key instanceof SearchKey.Contains ct) return contains(ct, c);
        if (key instanceof SearchKey.HeaderContains h) {
            MessageIndex.Hits hits = answers.get(h);
            if (hits != null && hits.covers(c.meta.uid().value())) return hits.contains(c.meta.uid().value());
            return header(c, h.fieldName(), h.value());
        }
        if (key instanceof SearchKey.DateIs d) return date(d, c);
        if (key instanceof SearchKey.SizeIs s) return s.larger() ? c.meta.size() > s.octets() : c.meta.size() < s.octets();
        if (key instanceof SearchKey.AgeIs a) {
            long age = clock.instant().getEpochSecond() - c.meta.internalDate().getEpochSecond();
            return a.older() ? age >= a.seconds() : age <= a.seconds();
        }
        if (key instanceof SearchKey.ModSeqAtLeast m) return c.meta.modSeq().value() >= m.modSeq();
        if (key instanceof SearchKey.SequenceNumbers s) {
            if (s.set().isSaved()) return selected.inSavedSearch(c.meta.uid().value());
            return s.set().contains(c.seq, selected.size());
        }
        if (key instanceof SearchKey.Uids u) {
            if (u.set().isSaved()) return selected.inSavedSearch(c.meta.uid().value());
            return u.set().contains(c.meta.uid().value(), Math.max(1, selected.highestUid()));
        }
        if (key instanceof SearchKey.Not n) return !matches(n.key(), c);
        if (key instanceof SearchKey.Or o) return matches(o.left(), c) || matches(o.right(), c);
        if (key instanceof SearchKey.And a) {
            for (SearchKey k : a.keys()) if (!matches(k, c)) return false;
            return true;
        }
        throw new IllegalArgumentException("unknown search key " + key);
    }

    private boolean contains(SearchKey.Contains ct, Candidate c) {
        MessageIndex.Hits hits = answers.get(ct);
        if (hits != null && hits.covers(c.meta.uid().value())) return hits.contains(c.meta.uid().value());
        String needle = ct.value().toLowerCase(Locale.ROOT);
        ParsedMessage p;
        return switch (ct.field()) {
            case FROM -> has((p = c.parsed()).from(), needle);
            case TO -> has(c.parsed().to(), needle);
            case CC -> has(c.parsed().cc(), needle);
            case BCC -> has(c.parsed().bcc(), needle);
            case SUBJECT -> has(c.parsed().subject(), needle);
            case BODY -> c.bodyText().contains(needle);
            case TEXT -> decode(new String(c.header(), StandardCharsets.UTF_8)).toLowerCase(Locale.ROOT).contains(needle)
                    || c.bodyText().contains(needle);
        };
    }

    private static boolean has(String rawHeader, String needle) {
        return rawHeader != null && decode(rawHeader).toLowerCase(Locale.ROOT).contains(needle);
    }

    private static String decode(String raw) {
        try {
            return DecoderUtil.decodeEncodedWords(raw, DecodeMonitor.SILENT);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    private boolean header(Candidate c, String name, String value) {
        ParsedMessage p = c.parsed();
        String kept = switch (name.toLowerCase(Locale.ROOT)) {
            case "subject" -> p.subject();
            case "from" -> p.from();
            case "to" -> p.to();
            case "cc" -> p.cc();
            case "bcc" -> p.bcc();
            case "date" -> p.date();
            case "message-id" -> p.messageId();
            case "in-reply-to" -> p.inReplyTo();
            case "references" -> p.references();
            case "sender" -> p.sender();
            case "reply-to" -> p.replyTo();
            default -> null;
        };
        boolean inParse = kept != null || switch (name.toLowerCase(Locale.ROOT)) {
            case "subject", "from", "to", "cc", "bcc", "date", "message-id", "in-reply-to", "references", "sender", "reply-to" -> true;
            default -> false;
        };
        if (inParse) {
            // the parse keeps these fields (the first of each, unfolded): no need to read the blob
            if (kept == null) return false;
            return value.isEmpty() || decode(kept).toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT));
        }
        byte[] only = MessageContent.headerFields(c.header(), java.util.List.of(name), false);
        String text = new String(only, StandardCharsets.UTF_8);
        if (text.isBlank()) return false;
        if (value.isEmpty()) return true;   // RFC 9051 §6.4.4: an empty string matches every message with the field
        int colon = text.indexOf(':');
        return decode(text.substring(colon + 1).replaceAll("\r?\n[ \t]", " ")).toLowerCase(Locale.ROOT)
                .contains(value.toLowerCase(Locale.ROOT));
    }

    private boolean date(SearchKey.DateIs d, Candidate c) {
        LocalDate date;
        if (d.field() == SearchKey.DateField.INTERNAL) {
            date = c.meta.internalDate().atOffset(ZoneOffset.UTC).toLocalDate();
        } else {
            String raw = c.parsed().date();
            if (raw == null) return false;
            try {
                // RFC 9051 §6.4.4: the date as written in the header, disregarding time and zone
                date = ZonedDateTime.parse(raw.replaceAll("\\s*\\(.*\\)\\s*$", "").trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return switch (d.comparison()) {
            case BEFORE -> date.isBefore(d.date());
            case ON -> date.isEqual(d.date());
            case SINCE -> !date.isBefore(d.date());
        };
    }

    /**
     * Text in its declared charset; like the index, undeclared (or defaulted US-ASCII) 8-bit text is
     * read as UTF-8 when valid, else ISO-8859-1, since much Chinese mail carries UTF-8 unlabelled.
     */
    private static String decodeText(byte[] bytes, String charset) {
        if (charset != null && !charset.trim().equalsIgnoreCase("us-ascii")) {
            try {
                return new String(bytes, Charset.forName(charset.trim()));
            } catch (IllegalArgumentException e) {
                // unknown charset: guess below
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
