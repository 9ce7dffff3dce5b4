package io.tenmail.smtp;

/**
 * The names of the queue attributes SMTP sets on every accepted mail, for the mailet container and
 * for bounces. Values are strings; absent when not applicable.
 */
public final class MailAttributes {

    private MailAttributes() {
    }

    /** Which listener took the mail: smtp (MX), submission, smtps. */
    public static final String LISTENER = "tenmail.smtp.listener";
    /** The connection's session id, as in the logs. */
    public static final String SESSION = "tenmail.smtp.session";
    /** The transaction id, as in the Received header and the "tx" log line. */
    public static final String TRANSACTION = "tenmail.smtp.transaction";
    /** The client's IP address. */
    public static final String CLIENT_ADDRESS = "tenmail.smtp.client-address";
    /** The EHLO/HELO argument, as sent. */
    public static final String HELO = "tenmail.smtp.helo";
    /** The RFC 3848 protocol keyword: SMTP, ESMTP, ESMTPS, ESMTPSA, UTF8SMTPSA ... */
    public static final String PROTOCOL = "tenmail.smtp.protocol";
    /** TLS protocol and cipher suite, when TLS protected the session. */
    public static final String TLS = "tenmail.smtp.tls";
    /** The authenticated user's address (submission; MX after AUTH). */
    public static final String AUTH_USER = "tenmail.smtp.auth-user";
    /** The authenticated user's account id. */
    public static final String AUTH_ACCOUNT = "tenmail.smtp.auth-account";
    /** The authenticated user's tenant id. */
    public static final String AUTH_TENANT = "tenmail.smtp.auth-tenant";
    /** RFC 4954 §5 AUTH= of MAIL, kept only from an authenticated client. */
    public static final String MAIL_AUTH = "tenmail.smtp.mail-auth";
    /** BODY= of MAIL (RFC 6152): 7BIT or 8BITMIME. */
    public static final String BODY = "tenmail.smtp.body";
    /** "true" when MAIL carried SMTPUTF8 (RFC 6531): the message may have UTF-8 headers and addresses. */
    public static final String SMTPUTF8 = "tenmail.smtp.smtputf8";
    /** RFC 3461 §4.3 RET: FULL or HDRS. */
    public static final String DSN_RET = "tenmail.dsn.ret";
    /** RFC 3461 §4.4 ENVID, decoded from xtext. */
    public static final String DSN_ENVID = "tenmail.dsn.envid";

    /**
     * The spam filters' verdict (issue 7): {@link #SPAM_VERDICT_SPAM} files the mail in the
     * recipient's Junk mailbox at local delivery; anything else, or no attribute, in INBOX. The
     * checks only add to {@link #SPAM_SCORE} and {@link #SPAM_SYMBOLS}; one matcher (IsSpam)
     * decides, and a mailet sets the verdict.
     */
    public static final String SPAM_VERDICT = "tenmail.spam.verdict";
    /** The value of {@link #SPAM_VERDICT} that sends a mail to Junk. */
    public static final String SPAM_VERDICT_SPAM = "spam";
    /** The value of {@link #SPAM_VERDICT} for a mail judged clean. */
    public static final String SPAM_VERDICT_HAM = "ham";
    /** The spam score the checks added up, a decimal number (e.g. "6.5"). */
    public static final String SPAM_SCORE = "tenmail.spam.score";
    /** The checks that fired, comma-separated names with their scores (e.g. "SPF_FAIL=3,DNSBL=2.5"). */
    public static final String SPAM_SYMBOLS = "tenmail.spam.symbols";
}
