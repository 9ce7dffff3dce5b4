package io.tenmail.pop3.wire;

import java.time.Duration;

import static io.tenmail.pop3.wire.ResponseCode.AUTH;
import static io.tenmail.pop3.wire.ResponseCode.IN_USE;
import static io.tenmail.pop3.wire.ResponseCode.SYS_PERM;
import static io.tenmail.pop3.wire.ResponseCode.SYS_TEMP;

/**
 * Every status line the server sends, defined once. Texts are short and generic; the log says
 * more. Tests assert on the {@code +OK}/{@code -ERR} and the response code, not on the prose.
 */
public final class Replies {
    private Replies() {
    }

    // connection
    public static final Reply GREETING = Reply.ok("Tenmail POP3 server ready");
    public static final Reply BYE = Reply.ok("Bye");
    public static final Reply NOOP = Reply.ok("");
    public static final Reply CAPABILITIES = Reply.ok("Capability list follows");
    public static final Reply BEGIN_TLS = Reply.ok("Begin TLS negotiation");

    // client mistakes
    public static final Reply UNKNOWN_COMMAND = Reply.err("Unknown command");
    public static final Reply LINE_TOO_LONG = Reply.err("Line too long");
    public static final Reply TLS_ALREADY_ACTIVE = Reply.err("TLS is already active");
    public static final Reply TLS_NOT_AVAILABLE = Reply.err("STLS is not available on this port");
    public static final Reply USER_FIRST = Reply.err("Send USER first");

    // authentication (RFC 3206 §5: [AUTH] says the account or credentials are at fault, not the system)
    public static final Reply USER_ACCEPTED = Reply.ok("Send PASS");
    public static final Reply PLAINTEXT_REFUSED = Reply.err(AUTH,
            "Plain-text login is not allowed on an unencrypted connection; use STLS or port 995 first");
    public static final Reply AUTH_FAILED = Reply.err(AUTH, "Authentication failed");
    public static final Reply ACCOUNT_DISABLED = Reply.err(AUTH, "This account is disabled; contact your administrator");
    public static final Reply POP3_DISABLED = Reply.err(AUTH,
            "POP3 access is switched off for this account; contact your administrator");
    public static final Reply APP_PASSWORD_REQUIRED = Reply.err(AUTH,
            "This account requires an app password (authorization code) for POP3; create one in your account settings");
    public static final Reply TOO_MANY_FAILURES = Reply.err(AUTH, "Too many failed logins; closing the connection");
    public static final Reply AUTH_CANCELLED = Reply.err("Authentication cancelled");
    public static final Reply MECHANISMS = Reply.ok("Supported SASL mechanisms follow");
    public static final Reply PROXY_LOGIN_REFUSED = Reply.err(AUTH, "Logging in as another user is not supported");

    public static Reply unsupportedMechanism(String mechanism) {
        return Reply.err("Unsupported authentication mechanism" + (isToken(mechanism) ? " " + mechanism : ""));
    }

    public static Reply throttled(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return Reply.err(SYS_TEMP, "Too many failed logins; try again in " + seconds + " seconds");
    }

    // maildrop
    public static final Reply MAILDROP_IN_USE = Reply.err(IN_USE, "Maildrop is locked by another POP3 session");
    public static final Reply NO_SUCH_MESSAGE = Reply.err("No such message");
    public static final Reply CONTENT_UNAVAILABLE = Reply.err("Message is no longer available");
    public static final Reply DELETED_SOME_FAILED = Reply.err(SYS_TEMP, "Some deleted messages were not removed; try again");

    public static Reply loggedIn(int messages, long octets) {
        return Reply.ok("Logged in, " + messages + " message" + (messages == 1 ? "" : "s") + " (" + octets + " octets)");
    }

    public static Reply stat(int messages, long octets) {
        return Reply.ok(messages + " " + octets);    // RFC 1939 §5: exactly "+OK nn mm"
    }

    public static Reply scanListing(int messages, long octets) {
        return Reply.ok(messages + " message" + (messages == 1 ? "" : "s") + " (" + octets + " octets)");
    }

    public static Reply scanLine(long number, long octets) {
        return Reply.ok(number + " " + octets);      // RFC 1939 §5: "+OK msg octets"
    }

    public static Reply uniqueIdLine(long number, String uniqueId) {
        return Reply.ok(number + " " + uniqueId);    // RFC 1939 §7
    }

    public static final Reply UNIQUE_ID_LISTING = Reply.ok("Unique-ID listing follows");

    public static Reply messageFollows(long octets) {
        return Reply.ok(octets + " octets");
    }

    public static final Reply TOP_FOLLOWS = Reply.ok("Top of message follows");

    public static Reply messageDeleted(long number) {
        return Reply.ok("Message " + number + " deleted");
    }

    public static Reply alreadyDeleted(long number) {
        return Reply.err("Message " + number + " already deleted");
    }

    public static Reply maildropReset(int messages, long octets) {
        return Reply.ok("Maildrop has " + messages + " message" + (messages == 1 ? "" : "s") + " (" + octets + " octets)");
    }

    public static Reply byeAfterUpdate(int deleted) {
        return Reply.ok("Bye, " + deleted + " message" + (deleted == 1 ? "" : "s") + " deleted");
    }

    public static Reply notAllowedInState(String keyword, boolean loggedIn) {
        return Reply.err(keyword + (loggedIn ? " is not allowed after login" : " is not allowed before login"));
    }

    /** A client mistake the grammar found; {@code reason} comes from {@link MalformedLineException}. */
    public static Reply syntaxError(String reason) {
        return Reply.err(reason.isEmpty() ? "Syntax error" : Character.toUpperCase(reason.charAt(0)) + reason.substring(1));
    }

    // store outcomes (STYLE.md §6) and bugs
    public static final Reply TEMPORARY_FAILURE = Reply.err(SYS_TEMP, "Temporary failure; try again later");
    public static final Reply NOT_ALLOWED = Reply.err(SYS_PERM, "Not allowed");
    public static final Reply INVALID_REQUEST = Reply.err("Invalid request");

    public static Reply internalError(String reference) {
        return Reply.err(SYS_TEMP, "Internal error, ref " + reference);
    }

    private static boolean isToken(String s) {
        if (s == null || s.isEmpty() || s.length() > 20) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) return false;
        }
        return true;
    }
}
