package io.tenmail.smtp.session;

import io.tenmail.smtp.wire.BdatReader;
import io.tenmail.smtp.wire.HeaderFieldScanner;
import io.tenmail.smtp.wire.MailParameters;
import io.tenmail.smtp.wire.RcptParameters;
import io.tenmail.smtp.wire.ReversePath;
import io.tenmail.storage.model.EmailAddress;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One mail transaction (RFC 5321 §3.3): the reverse path and MAIL parameters, the accepted
 * recipients, and once DATA or BDAT begins, the message content as it arrives. Exists from MAIL
 * until the end of the data, RSET, EHLO/HELO, STARTTLS or the end of the connection.
 */
public final class Envelope {

    /** The header fields submission adds when missing (RFC 6409 §8). */
    public static final Set<String> WATCHED_FIELDS = Set.of("Message-ID", "Date");

    /**
     * An accepted recipient.
     *
     * @param address    as given in RCPT TO (the mailet container expands aliases and groups)
     * @param parameters DSN NOTIFY and ORCPT (RFC 3461)
     */
    public record Recipient(EmailAddress address, RcptParameters parameters) {
        public Recipient {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(parameters, "parameters");
        }
    }

    private final String id;
    private final ReversePath reversePath;
    private final Optional<EmailAddress> sender;
    private final MailParameters parameters;
    private final long startNanos;
    private final Map<String, Recipient> recipients = new LinkedHashMap<>();
    private int refusedRecipients;
    private MessageSpool spool;
    private HeaderFieldScanner headers;
    private BdatReader chunks;

    /**
     * @param id          the transaction id in logs and the Received header
     * @param reversePath as given
     * @param sender      the reverse path as an address; empty for {@code <>}
     */
    public Envelope(String id, ReversePath reversePath, Optional<EmailAddress> sender, MailParameters parameters) {
        this.id = Objects.requireNonNull(id, "id");
        this.reversePath = Objects.requireNonNull(reversePath, "reversePath");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.startNanos = System.nanoTime();
    }

    public String id() {
        return id;
    }

    public ReversePath reversePath() {
        return reversePath;
    }

    /** The envelope sender; empty for the null reverse path. */
    public Optional<EmailAddress> sender() {
        return sender;
    }

    public MailParameters parameters() {
        return parameters;
    }

    /** Accepted recipients, in RCPT order, each address once. */
    public List<Recipient> recipients() {
        return List.copyOf(recipients.values());
    }

    public int recipientCount() {
        return recipients.size();
    }

    /** RCPT commands refused in this transaction (RFC 2920 §3.1: DATA then gets 554). */
    public int refusedRecipients() {
        return refusedRecipients;
    }

    /** Milliseconds since MAIL. */
    public long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Where the content is spooled; null before DATA or the first BDAT. */
    public MessageSpool spool() {
        return spool;
    }

    /** What the content's header section contains of {@link #WATCHED_FIELDS}; null before DATA/BDAT. */
    public HeaderFieldScanner headers() {
        return headers;
    }

    /** The reader of this transaction's BDAT chunks; null unless it uses BDAT. */
    public BdatReader chunks() {
        return chunks;
    }

    void chunks(BdatReader reader) {
        this.chunks = reader;
    }

    void add(Recipient recipient) {
        // a second RCPT for the same mailbox is accepted but delivered once
        recipients.putIfAbsent(recipient.address().key(), recipient);
    }

    void refused() {
        refusedRecipients++;
    }

    /** Starts the content; returns the stream the DATA or BDAT reader writes to. */
    OutputStream openContent(Path spoolDir, int memoryLimit) {
        if (spool != null) throw new IllegalStateException("content already started");
        spool = new MessageSpool(spoolDir, memoryLimit);
        headers = new HeaderFieldScanner(spool, WATCHED_FIELDS);
        return headers;
    }

    void discard() {
        if (spool != null) spool.discard();
    }
}
