package io.tenmail.pop3.wire;

/**
 * Extended response codes, RFC 2449 §8 (RESP-CODES) and RFC 3206, shown in brackets after
 * {@code -ERR} so that clients can tell the user what is wrong without parsing prose.
 */
public enum ResponseCode {
    /** RFC 2449 §8.1.1: the maildrop is locked by another session. */
    IN_USE("IN-USE"),
    /** RFC 2449 §8.1.2: the user logged in too recently (we impose no login delay; kept for completeness). */
    LOGIN_DELAY("LOGIN-DELAY"),
    /** RFC 3206 §5: a problem with the credentials or the account, not with the system. */
    AUTH("AUTH"),
    /** RFC 3206 §4: a temporary system problem; trying again later may succeed. */
    SYS_TEMP("SYS/TEMP"),
    /** RFC 3206 §4: a permanent system problem; trying again will not help. */
    SYS_PERM("SYS/PERM");

    private final String text;

    ResponseCode(String text) {
        this.text = text;
    }

    /** The code as sent, without brackets: {@code IN-USE}. */
    public String text() {
        return text;
    }
}
