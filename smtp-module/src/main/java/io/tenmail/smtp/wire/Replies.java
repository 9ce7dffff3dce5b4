package io.tenmail.smtp.wire;

/**
 * Every reply the SMTP server sends, defined once. Texts stay generic (the log says which policy
 * refused and why); codes follow RFC 5321 §4.2 and the enhanced codes RFC 3463 / RFC 5248, as
 * required on every 2xx/4xx/5xx reply except the greeting and the HELO/EHLO response (RFC 2034).
 *
 * <p>A reply that needs a value (a host name, a queue id) is built by a static method here, so its
 * code is still written in exactly one place. No reply uses 251 ("user not local; will
 * forward"): RFC 5321 §3.4 allows 250 instead, and 251 would disclose forwarding.
 */
public final class Replies {

    private Replies() {}

    // ---- connection: greeting, closing, shutdown (RFC 5321 §3.1, §3.8, §4.2.3) ----

    /** 220 greeting; RFC 5321 §4.3.1: the first word is the server's domain. No enhanced code. */
    public static Reply greeting(String serverDomain) {
        return Reply.plain(220, serverDomain + " ESMTP ready");
    }

    /** 221 answer to QUIT; the server then closes the connection. */
    public static Reply closing(String serverDomain) {
        return Reply.of(221, "2.0.0", serverDomain + " closing connection");
    }

    /** 554 instead of a greeting: the server will answer 503 to everything but QUIT (§3.1). */
    public static Reply noService(String serverDomain) {
        return Reply.of(554, "5.7.1", serverDomain + " no SMTP service here");
    }

    public static final Reply SHUTTING_DOWN = Reply.of(421, "4.3.2", "Service shutting down, closing connection");
    /** RFC 5321 §4.5.3.2: the server may close an idle connection after a timeout. */
    public static final Reply TIMEOUT = Reply.of(421, "4.4.2", "Timeout exceeded, closing connection");
    public static final Reply TOO_MANY_ERRORS = Reply.of(421, "4.7.0", "Too many errors, closing connection");
    public static final Reply TOO_MANY_CONNECTIONS = Reply.of(421, "4.7.0", "Too many connections, try again later");
    public static final Reply TOO_MANY_COMMANDS = Reply.of(421, "4.7.0", "Too many commands, closing connection");

    // ---- HELO / EHLO (RFC 5321 §4.1.1.1) ----

    /** 250 answer to HELO (no enhanced code, RFC 2034 §4). EHLO uses {@link EhloResponse}. */
    public static Reply helo(String serverDomain) {
        return Reply.plain(250, serverDomain);
    }

    // ---- generic success ----

    public static final Reply OK = Reply.of(250, "2.0.0", "OK");
    /** RFC 3463 X.1.0: other address status, here "the sender is fine". */
    public static final Reply SENDER_OK = Reply.of(250, "2.1.0", "Sender OK");
    /** RFC 3463 X.1.5: destination address valid. */
    public static final Reply RECIPIENT_OK = Reply.of(250, "2.1.5", "Recipient OK");
    public static final Reply RESET_OK = Reply.of(250, "2.0.0", "Reset OK");

    /** 250 after the end of data (or the last BDAT chunk): the message is safely queued. */
    public static Reply queued(String queueId) {
        return Reply.of(250, "2.0.0", "OK queued as " + queueId);
    }

    /** 250 for a BDAT chunk that is not the last one (RFC 3030 §2). */
    public static Reply chunkReceived(long octets) {
        return Reply.of(250, "2.0.0", octets + " octets received");
    }

    /** 354: send the message; no enhanced code on 3xx (RFC 2034 §4). */
    public static final Reply START_MAIL_INPUT = Reply.plain(354, "End data with <CR><LF>.<CR><LF>");

    /** 214: the answer to HELP. */
    public static final Reply HELP =
            Reply.of(214, "2.0.0", "See RFC 5321; commands: EHLO HELO MAIL RCPT DATA BDAT RSET NOOP QUIT VRFY HELP STARTTLS AUTH");

    // ---- VRFY / EXPN (RFC 5321 §3.5, §7.3) ----

    /** RFC 5321 §3.5.3 / §7.3: VRFY is answered without disclosing whether the mailbox exists. */
    public static final Reply CANNOT_VRFY =
            Reply.of(252, "2.5.0", "Cannot VRFY user, but will accept message and attempt delivery");
    /** RFC 5321 §7.3: EXPN may be disabled; it would disclose list membership. */
    public static final Reply EXPN_DISABLED = Reply.of(502, "5.5.1", "EXPN not available");

    // ---- STARTTLS (RFC 3207 §4) ----

    public static final Reply READY_TO_START_TLS = Reply.of(220, "2.0.0", "Ready to start TLS");
    public static final Reply TLS_NOT_AVAILABLE = Reply.of(454, "4.7.0", "TLS not available due to temporary reason");
    public static final Reply TLS_ALREADY_ACTIVE = Reply.of(503, "5.5.1", "TLS already active");
    /** RFC 3207 §4: the server requires TLS before this command. */
    public static final Reply MUST_ISSUE_STARTTLS = Reply.of(530, "5.7.0", "Must issue a STARTTLS command first");

    // ---- AUTH (RFC 4954 §4, §6) ----

    /** 334 with a base64 challenge, possibly empty ({@code "334 "}). No enhanced code on 3xx. */
    public static Reply authChallenge(String base64) {
        return Reply.plain(334, base64);
    }

    public static final Reply AUTH_SUCCEEDED = Reply.of(235, "2.7.0", "Authentication successful");
    public static final Reply AUTH_REQUIRED = Reply.of(530, "5.7.0", "Authentication required");
    public static final Reply AUTH_FAILED = Reply.of(535, "5.7.8", "Authentication credentials invalid");
    public static final Reply AUTH_MECHANISM_TOO_WEAK = Reply.of(534, "5.7.9", "Authentication mechanism is too weak");
    public static final Reply AUTH_ENCRYPTION_REQUIRED =
            Reply.of(538, "5.7.11", "Encryption required for requested authentication mechanism");
    public static final Reply AUTH_TEMPORARY_FAILURE = Reply.of(454, "4.7.0", "Temporary authentication failure");
    public static final Reply AUTH_MECHANISM_UNKNOWN = Reply.of(504, "5.5.4", "Unrecognized authentication type");
    /** RFC 4954 §4: a response that decodes but is not what the mechanism expects. */
    public static final Reply AUTH_INVALID_RESPONSE = Reply.of(501, "5.5.2", "Invalid authentication response");
    /** AUTH on a listener or connection that does not offer it (the MX with AUTH switched off). */
    public static final Reply AUTH_NOT_AVAILABLE = Reply.of(503, "5.5.1", "Authentication not available here");
    /** The password was right, but the account is disabled: said plainly, the user must call an administrator. */
    public static final Reply AUTH_ACCOUNT_DISABLED = Reply.of(535, "5.7.8", "Authentication failed: account disabled");
    /** The password was right, but SMTP is switched off for the account. */
    public static final Reply AUTH_PROTOCOL_DISABLED = Reply.of(535, "5.7.8", "Authentication failed: SMTP is disabled for this account");
    /** The account password was given, but the account accepts only app passwords. */
    public static final Reply AUTH_APP_PASSWORD_REQUIRED =
            Reply.of(535, "5.7.8", "Authentication failed: this account requires an app password");
    /** The login throttle refuses attempts for now (too many failures from this address or for this account). */
    public static final Reply AUTH_THROTTLED = Reply.of(454, "4.7.0", "Too many failed logins, try again later");
    /** RFC 4954 §4: the client cancelled the exchange with "*". */
    public static final Reply AUTH_CANCELLED = Reply.of(501, "5.7.0", "Authentication cancelled");
    /** RFC 4954 §4: a response that is not valid base64. */
    public static final Reply AUTH_BAD_BASE64 = Reply.of(501, "5.5.2", "Cannot decode base64 response");
    public static final Reply ALREADY_AUTHENTICATED = Reply.of(503, "5.5.1", "Already authenticated");
    /** RFC 4954 §4: AUTH is not allowed during a mail transaction. */
    public static final Reply AUTH_NOT_DURING_TRANSACTION = Reply.of(503, "5.5.1", "AUTH not allowed during a mail transaction");

    // ---- syntax and sequence (RFC 5321 §4.2.2, §4.2.4) ----

    public static final Reply COMMAND_UNRECOGNIZED = Reply.of(500, "5.5.1", "Command unrecognized");
    public static final Reply SYNTAX_ERROR = Reply.of(500, "5.5.2", "Syntax error");
    /** RFC 5321 §4.5.3.1.4 / §4.5.3.1.10: "500 Line too long". */
    public static final Reply LINE_TOO_LONG = Reply.of(500, "5.5.2", "Line too long");
    /** A command line that is not valid UTF-8 after SMTPUTF8 was advertised (RFC 6531 §3.3). */
    public static final Reply INVALID_UTF8 = Reply.of(500, "5.5.2", "Invalid UTF-8 in command");
    public static final Reply ARGUMENT_SYNTAX = Reply.of(501, "5.5.2", "Syntax error in parameters or arguments");
    public static final Reply INVALID_ARGUMENTS = Reply.of(501, "5.5.4", "Invalid command arguments");
    public static final Reply NOT_IMPLEMENTED = Reply.of(502, "5.5.1", "Command not implemented");
    public static final Reply BAD_SEQUENCE = Reply.of(503, "5.5.1", "Bad sequence of commands");
    /** RFC 5321 §4.1.4: a session starts with EHLO or HELO. */
    public static final Reply SEND_HELLO_FIRST = Reply.of(503, "5.5.1", "Send EHLO or HELO first");
    public static final Reply NEED_MAIL = Reply.of(503, "5.5.1", "Need MAIL command first");
    public static final Reply NEED_RCPT = Reply.of(503, "5.5.1", "Need RCPT command first");
    public static final Reply NESTED_MAIL = Reply.of(503, "5.5.1", "Sender already specified");
    /** RFC 3030 §3: BODY=BINARYMIME requires BDAT; DATA and BDAT may not be mixed. */
    public static final Reply DATA_NOT_ALLOWED = Reply.of(503, "5.5.1", "Use BDAT for this transaction");
    public static final Reply PARAMETER_NOT_IMPLEMENTED = Reply.of(504, "5.5.4", "Command parameter not implemented");
    /** RFC 5321 §4.1.1.11, §4.2.3: an ESMTP parameter the server does not know or did not advertise. */
    public static final Reply UNKNOWN_PARAMETER =
            Reply.of(555, "5.5.4", "MAIL FROM/RCPT TO parameters not recognized or not implemented");

    /** 501 5.1.7, RFC 3463 "bad sender's mailbox address syntax". */
    public static Reply badSenderSyntax(String reason) {
        return Reply.of(501, "5.1.7", "Bad sender address syntax: " + reason);
    }

    /** 501 5.1.3, RFC 3463 "bad destination mailbox address syntax". */
    public static Reply badRecipientSyntax(String reason) {
        return Reply.of(501, "5.1.3", "Bad recipient address syntax: " + reason);
    }

    /** 501 5.5.4 naming what was wrong with the arguments. */
    public static Reply invalidArguments(String reason) {
        return INVALID_ARGUMENTS.withText("Invalid command arguments: " + reason);
    }

    /** RFC 6531 §3.5 with RFC 5248 X.6.7: a non-ASCII address without SMTPUTF8. */
    public static final Reply NON_ASCII_ADDRESS =
            Reply.of(553, "5.6.7", "Non-ASCII addresses not permitted without SMTPUTF8");

    // ---- recipients and senders ----

    public static final Reply NO_SUCH_USER = Reply.of(550, "5.1.1", "Mailbox unavailable");
    public static final Reply RELAY_DENIED = Reply.of(550, "5.7.1", "Relay access denied");
    public static final Reply POLICY_REJECTED = Reply.of(550, "5.7.1", "Rejected by policy");
    /** Submission: the authenticated user may not send as this address. */
    public static final Reply SENDER_NOT_ALLOWED = Reply.of(553, "5.7.1", "Sender address not allowed");
    /** A sender address this server cannot carry (e.g. an address literal, or a quoted local part with spaces). */
    public static final Reply SENDER_NOT_SUPPORTED = Reply.of(553, "5.1.7", "Sender address form not supported");
    /** A recipient address this server cannot carry (an address literal, a quoted local part with spaces). */
    public static final Reply RECIPIENT_NOT_SUPPORTED = Reply.of(553, "5.1.3", "Recipient address form not supported");
    public static final Reply TOO_MANY_RECIPIENTS = Reply.of(452, "4.5.3", "Too many recipients");
    public static final Reply MAILBOX_FULL = Reply.of(452, "4.2.2", "Mailbox full");
    public static final Reply NO_VALID_RECIPIENTS = Reply.of(554, "5.5.1", "No valid recipients");

    // ---- message data ----

    /** RFC 1870 §6 / RFC 5321 §4.5.3.1.10: at MAIL (declared SIZE) or after the data. */
    public static final Reply MESSAGE_TOO_BIG = Reply.of(552, "5.3.4", "Message size exceeds fixed maximum message size");
    /** RFC 1870 §6.1: the declared SIZE does not fit now, but might later. */
    public static final Reply INSUFFICIENT_STORAGE = Reply.of(452, "4.3.1", "Insufficient system storage");
    /** Over quota when the data is in (STYLE.md §6: OVER_QUOTA at DATA). */
    public static final Reply QUOTA_EXCEEDED = Reply.of(552, "5.2.2", "Mailbox full");
    /**
     * The data contained a bare CR or LF (RFC 5321 §2.3.8); refused after the end of data so the
     * session stays in sync. See {@link DataReader} for why this matters (SMTP smuggling).
     */
    public static final Reply BARE_LINE_ENDING =
            Reply.of(554, "5.6.0", "Message contains bare CR or LF; lines must end with CRLF");
    /** 8-bit data in a transaction declared BODY=7BIT, or binary data without BINARYMIME. */
    public static final Reply CONTENT_NOT_ALLOWED = Reply.of(554, "5.6.0", "Message content not accepted");
    public static final Reply TRANSACTION_FAILED = Reply.of(554, "5.0.0", "Transaction failed");

    // ---- temporary failures ----

    public static final Reply TEMPORARY_FAILURE = Reply.of(451, "4.3.0", "Temporary failure, please try again later");
    public static final Reply MAILBOX_BUSY = Reply.of(450, "4.2.1", "Mailbox busy, try again later");

    /** STYLE.md §6: an unexpected failure, with the reference that is also in the log. */
    public static Reply internalError(String reference) {
        return Reply.of(451, "4.3.0", "Internal error, ref " + reference);
    }
}
