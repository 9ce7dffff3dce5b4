package io.tenmail.smtp.wire;

import java.util.Locale;
import java.util.Optional;

/**
 * The verbs this server understands and what the grammar says about each: whether it takes an
 * argument, which extension introduces it, and whether RFC 2920 §3.1 requires it to be the last
 * command of a pipelined group. Behaviour lives in the command handlers and the states in which a
 * verb is allowed in the session layer; add such facts as further constructor arguments.
 */
public enum SmtpVerb {
    /** RFC 5321 §4.1.1.1. */
    HELO(Argument.REQUIRED, null, false),
    /** RFC 5321 §4.1.1.1. */
    EHLO(Argument.REQUIRED, null, true),
    /** RFC 5321 §4.1.1.2. */
    MAIL(Argument.REQUIRED, null, false),
    /** RFC 5321 §4.1.1.3. */
    RCPT(Argument.REQUIRED, null, false),
    /** RFC 5321 §4.1.1.4. */
    DATA(Argument.NONE, null, true),
    /** RFC 3030 §2: a syntax error leaves the octet count unknown, so the session must close. */
    BDAT(Argument.REQUIRED, SmtpExtension.CHUNKING, false),
    /** RFC 5321 §4.1.1.5. */
    RSET(Argument.NONE, null, false),
    /** RFC 5321 §4.1.1.6. */
    VRFY(Argument.REQUIRED, null, true),
    /** RFC 5321 §4.1.1.7. */
    EXPN(Argument.REQUIRED, null, true),
    /** RFC 5321 §4.1.1.8. */
    HELP(Argument.OPTIONAL, null, false),
    /** RFC 5321 §4.1.1.9: the argument is ignored. */
    NOOP(Argument.OPTIONAL, null, true),
    /** RFC 5321 §4.1.1.10. */
    QUIT(Argument.NONE, null, true),
    /** RFC 3207 §4: no argument; the server discards anything the client pipelined after it. */
    STARTTLS(Argument.NONE, SmtpExtension.STARTTLS, true),
    /**
     * RFC 4954 §4. Ends a pipelined group except with an initial response for a one-round-trip
     * mechanism such as PLAIN.
     */
    AUTH(Argument.REQUIRED, SmtpExtension.AUTH, true);

    /** Whether a verb takes an argument after a single SP. */
    public enum Argument { NONE, OPTIONAL, REQUIRED }

    private final Argument argument;
    private final SmtpExtension extension;
    private final boolean endsPipelineGroup;

    SmtpVerb(Argument argument, SmtpExtension extension, boolean endsPipelineGroup) {
        this.argument = argument;
        this.extension = extension;
        this.endsPipelineGroup = endsPipelineGroup;
    }

    public Argument argument() {
        return argument;
    }

    /** The extension that must have been advertised for the verb to be available, if any. */
    public Optional<SmtpExtension> extension() {
        return Optional.ofNullable(extension);
    }

    /** RFC 2920 §3.1: the client must wait for this verb's reply before sending more. */
    public boolean endsPipelineGroup() {
        return endsPipelineGroup;
    }

    /** Case-insensitive look-up (RFC 5321 §2.4); empty for anything that is not a known verb. */
    public static Optional<SmtpVerb> lookup(String word) {
        if (word.length() < 4 || word.length() > 8) return Optional.empty();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return Optional.empty();
        }
        try {
            return Optional.of(valueOf(word.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
