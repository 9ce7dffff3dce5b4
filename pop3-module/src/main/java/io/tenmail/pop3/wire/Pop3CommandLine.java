package io.tenmail.pop3.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A command line, RFC 1939 §3: a case-insensitive keyword, then arguments separated by spaces.
 * The grammar is applied leniently where clients differ (runs of spaces, a trailing space, lines
 * longer than RFC 2449 §4's 255 octets up to {@link #MAX_COMMAND_OCTETS}) and strictly where
 * it matters (control characters, non-numeric message numbers).
 *
 * @param keyword   the keyword in upper case, e.g. {@code RETR}
 * @param rest      everything after the first space, as sent (PASS takes it whole: RFC 1939 §7
 *                  lets a password contain spaces)
 * @param arguments {@code rest} split at spaces, empty parts dropped
 */
public record Pop3CommandLine(String keyword, String rest, List<String> arguments) {
    /**
     * RFC 2449 §4 allows 255 octets per command; we accept up to this many, because some clients
     * send long user names. AUTH lines may be longer (up to the {@link LineAssembler} limit): a
     * PLAIN initial response of RFC 4616's maximum size is 1024 base64 characters.
     */
    public static final int MAX_COMMAND_OCTETS = 1024;
    /** RFC 1939 §3: keywords are three or four characters; we allow a little more for unknown ones. */
    static final int MAX_KEYWORD = 16;
    private static final int MAX_NUMBER_DIGITS = 9;

    public Pop3CommandLine {
        arguments = List.copyOf(arguments);
    }

    /** Parses a line; the message of the exception is fit for an {@code -ERR} reply. */
    public static Pop3CommandLine parse(InputLine line) throws MalformedLineException {
        if (line.tooLong()) throw new MalformedLineException("line too long");
        String text = line.text();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' && c != '\t' || c == 0x7f) throw new MalformedLineException("control character in command");
        }
        int space = text.indexOf(' ');
        String keyword = space < 0 ? text : text.substring(0, space);
        if (keyword.isEmpty()) throw new MalformedLineException(text.isEmpty() ? "empty command" : "command must start with a keyword");
        if (keyword.length() > MAX_KEYWORD) throw new MalformedLineException("unknown command");
        keyword = keyword.toUpperCase(Locale.ROOT);
        if (line.octets().length > MAX_COMMAND_OCTETS && !keyword.equals("AUTH")) throw new MalformedLineException("line too long");
        String rest = space < 0 ? "" : text.substring(space + 1);
        return new Pop3CommandLine(keyword, rest, split(rest));
    }

    /** Whether the keyword is printable ASCII letters only, so that it may be echoed in a reply. */
    public boolean keywordIsPrintable() {
        for (int i = 0; i < keyword.length(); i++) {
            char c = keyword.charAt(i);
            if (c < 'A' || c > 'Z') return false;
        }
        return true;
    }

    /** The argument at {@code index}, or null when there are not so many. */
    public String argument(int index) {
        return index < arguments.size() ? arguments.get(index) : null;
    }

    /** Refuses more than {@code max} arguments. */
    public void requireAtMost(int max) throws MalformedLineException {
        if (arguments.size() > max) {
            throw new MalformedLineException(max == 0 ? keyword + " takes no arguments" : "too many arguments for " + keyword);
        }
    }

    /** Refuses fewer than {@code min} arguments. */
    public void requireAtLeast(int min, String what) throws MalformedLineException {
        if (arguments.size() < min) throw new MalformedLineException(keyword + " needs " + what);
    }

    /**
     * A message number (RFC 1939 §3: "msg"): decimal digits. Numbers too large for any maildrop are
     * answered with {@link Long#MAX_VALUE}, so that the caller reports "no such message" rather
     * than a syntax error.
     */
    public static long messageNumber(String argument) throws MalformedLineException {
        return decimal(argument, "message number must be a number");
    }

    /** TOP's line count: a non-negative decimal number; huge counts mean "all lines". */
    public static long lineCount(String argument) throws MalformedLineException {
        return decimal(argument, "line count must be a non-negative number");
    }

    private static long decimal(String argument, String error) throws MalformedLineException {
        if (argument == null || argument.isEmpty()) throw new MalformedLineException(error);
        int significant = 0;
        boolean leading = true;
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c < '0' || c > '9') throw new MalformedLineException(error);
            if (leading && c == '0') continue;
            leading = false;
            significant++;
        }
        if (significant > MAX_NUMBER_DIGITS) return Long.MAX_VALUE;
        return significant == 0 ? 0 : Long.parseLong(argument.substring(argument.length() - significant));
    }

    private static List<String> split(String rest) {
        List<String> parts = new ArrayList<>(2);
        for (String part : rest.split("[ \t]+")) if (!part.isEmpty()) parts.add(part);
        return parts;
    }

    @Override
    public String toString() {
        // PASS and AUTH carry secrets
        boolean secret = keyword.equals("PASS") || keyword.equals("AUTH") && arguments.size() > 1;
        return secret ? keyword + " ***" : rest.isEmpty() ? keyword : keyword + " " + rest;
    }
}
