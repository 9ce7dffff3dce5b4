package io.tenmail.imap.wire;

/**
 * The status of a status response (RFC 9051 §7.1). Tagged responses are OK, NO or BAD; PREAUTH
 * and BYE are untagged only.
 */
public enum Condition {
    OK(true), NO(true), BAD(true), PREAUTH(false), BYE(false);

    private final boolean mayBeTagged;

    Condition(boolean mayBeTagged) {
        this.mayBeTagged = mayBeTagged;
    }

    /** RFC 9051 §7.1.4, §7.1.5: PREAUTH and BYE are always untagged. */
    public boolean mayBeTagged() {
        return mayBeTagged;
    }
}
