package io.tenmail.smtp.mailet;

/**
 * Mail attributes through which the container and mailets talk about the queue entry behind a
 * mail (see MAILET-CONTRACT: deferral). The container sets {@link #ENTRY}, {@link #ATTEMPTS} and
 * {@link #RECEIVED} on every mail it hands to mailets; a mailet sets {@link #NEXT_ATTEMPT} (and
 * optionally {@link #LAST_ERROR}) to defer the mail, or {@link #PARK} to keep it in the error
 * repository.
 */
public final class QueueAttributes {

    private QueueAttributes() {
    }

    /** Long: the queue entry's id (local delivery's exactly-once key is built from it). */
    public static final String ENTRY = "tenmail.queue.entry";
    /** Integer: the delivery attempts the queue entry has had so far (0 on the first pass). */
    public static final String ATTEMPTS = "tenmail.queue.attempts";
    /** String, ISO-8601 instant: when SMTP accepted the mail. */
    public static final String RECEIVED = "tenmail.queue.received";
    /**
     * String, ISO-8601 instant, set by a mailet: try the mail's (remaining) recipients again at
     * that time, in the processor named by the mail's state; the container stops processing it.
     */
    public static final String NEXT_ATTEMPT = "tenmail.queue.next-attempt";
    /** String, set with {@link #NEXT_ATTEMPT}: why the last attempt failed, kept on the queue entry. */
    public static final String LAST_ERROR = "tenmail.queue.last-error";
    /** String, set by ToErrorRepository: park the mail in the error repository for this reason. */
    public static final String PARK = "tenmail.queue.park";
    /**
     * String, on a mail a mailet sends through {@code MailetContext.sendMail(mail, state)}: the
     * processor its processing starts in, instead of "root".
     */
    public static final String START_PROCESSOR = "tenmail.queue.start-processor";
}
