package io.tenmail.smtp.wire;

/**
 * The service extensions this server can advertise in its EHLO response, in the order it lists
 * them. Which are advertised on a connection is the session's decision; the parser accepts an
 * extension's parameters only when the extension was advertised (RFC 5321 §4.1.1.11: otherwise
 * 555).
 */
public enum SmtpExtension {
    /** RFC 2920. */
    PIPELINING("PIPELINING"),
    /** RFC 1870: MAIL parameter SIZE=; the EHLO line carries the limit. */
    SIZE("SIZE"),
    /** RFC 3207: the STARTTLS verb. */
    STARTTLS("STARTTLS"),
    /** RFC 4954: the AUTH verb and the MAIL parameter AUTH=; the EHLO line lists mechanisms. */
    AUTH("AUTH"),
    /** RFC 2034. */
    ENHANCED_STATUS_CODES("ENHANCEDSTATUSCODES"),
    /** RFC 6152: MAIL parameter BODY=7BIT / BODY=8BITMIME. */
    EIGHT_BIT_MIME("8BITMIME"),
    /** RFC 3030 §3: BODY=BINARYMIME; only together with CHUNKING. */
    BINARYMIME("BINARYMIME"),
    /** RFC 3030 §2: the BDAT verb. */
    CHUNKING("CHUNKING"),
    /** RFC 3461: MAIL parameters RET=, ENVID=; RCPT parameters NOTIFY=, ORCPT=. */
    DSN("DSN"),
    /** RFC 6531: MAIL parameter SMTPUTF8, UTF-8 addresses. */
    SMTPUTF8("SMTPUTF8");

    private final String keyword;

    SmtpExtension(String keyword) {
        this.keyword = keyword;
    }

    /** The EHLO keyword, e.g. {@code 8BITMIME}. */
    public String keyword() {
        return keyword;
    }
}
