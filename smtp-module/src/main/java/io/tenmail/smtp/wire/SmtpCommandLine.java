package io.tenmail.smtp.wire;

import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One parsed command line: {@code "MAIL FROM:<a@b> SIZE=1000"} becomes verb {@link SmtpVerb#MAIL},
 * a {@link ReversePath} and {@link MailParameters}. The typed accessors answer for the verbs that
 * carry them and throw {@link IllegalStateException} otherwise (a handler asking for the wrong
 * part is a bug).
 *
 * <p>The grammar is RFC 5321 §4.1 with its extensions, strictly: verbs are case-insensitive and
 * separated from their argument by exactly one SP; MAIL/RCPT paths must be in angle brackets; the
 * only leniency is one SP after {@code FROM:}/{@code TO:} ({@code MAIL FROM: <a@b>}), which many
 * real clients send. Every refusal carries the reply to send:
 *
 * <table>
 *   <caption>Errors</caption>
 *   <tr><td>empty line</td><td>500 5.5.2</td></tr>
 *   <tr><td>unknown verb</td><td>500 5.5.1</td></tr>
 *   <tr><td>control character, no {@code FROM:}/{@code TO:}</td><td>501 5.5.2</td></tr>
 *   <tr><td>missing, unexpected or invalid argument; bad parameter value</td><td>501 5.5.4</td></tr>
 *   <tr><td>bad sender / recipient path (syntax or length)</td><td>501 5.1.7 / 501 5.1.3</td></tr>
 *   <tr><td>unknown or not advertised MAIL/RCPT parameter</td><td>555 5.5.4</td></tr>
 *   <tr><td>known parameter, value not offered (BODY=BINARYMIME without it)</td><td>504 5.5.4</td></tr>
 *   <tr><td>non-ASCII address without SMTPUTF8</td><td>553 5.6.7</td></tr>
 *   <tr><td>AUTH initial response not base64</td><td>501 5.5.2</td></tr>
 * </table>
 *
 * <p>Line length is the {@link CommandLineDecoder}'s business; here elements are limited (local
 * part 64, domain 255, path 256 octets, RFC 5321 §4.5.3.1).
 */
public final class SmtpCommandLine {

    /** RFC 3461 §4.4. */
    static final int MAX_ENVID_LENGTH = 100;
    /** RFC 3461 §4.2. */
    static final int MAX_ORCPT_LENGTH = 500;

    private final SmtpVerb verb;
    private final String argument;
    private final Object value;
    private final Object parameters;

    private SmtpCommandLine(SmtpVerb verb, String argument, Object value, Object parameters) {
        this.verb = verb;
        this.argument = argument;
        this.value = value;
        this.parameters = parameters;
    }

    /** Parses a line outside a SMTPUTF8 transaction (any verb but RCPT, or RCPT without it). */
    public static SmtpCommandLine parse(String line, Set<SmtpExtension> advertised) throws SmtpSyntaxException {
        return parse(line, advertised, false);
    }

    /**
     * Parses one command line, without its CRLF.
     *
     * @param advertised the extensions this connection's EHLO response advertised (none after HELO)
     * @param smtpUtf8Transaction true after a MAIL FROM with SMTPUTF8: RCPT may then carry UTF-8
     */
    public static SmtpCommandLine parse(String line, Set<SmtpExtension> advertised, boolean smtpUtf8Transaction)
            throws SmtpSyntaxException {
        if (line.isEmpty()) throw new SmtpSyntaxException(Replies.SYNTAX_ERROR, null);
        int sp = line.indexOf(' ');
        String word = sp < 0 ? line : line.substring(0, sp);
        SmtpVerb verb = SmtpVerb.lookup(word)
                .orElseThrow(() -> new SmtpSyntaxException(Replies.COMMAND_UNRECOGNIZED, null));
        String arg = sp < 0 ? "" : line.substring(sp + 1);
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c < 0x20 || c == 0x7f) throw new SmtpSyntaxException(Replies.ARGUMENT_SYNTAX, verb);
        }
        switch (verb.argument()) {
            case NONE -> {
                if (sp >= 0) throw invalid(verb, verb + " takes no argument");
            }
            case REQUIRED -> {
                if (arg.isEmpty()) throw invalid(verb, verb + " needs an argument");
            }
            case OPTIONAL -> {
                if (sp >= 0 && arg.isEmpty()) throw invalid(verb, "empty argument");
            }
        }
        return new Parser(verb, arg, advertised, smtpUtf8Transaction).parse();
    }

    public SmtpVerb verb() {
        return verb;
    }

    /** Everything after the verb and its SP, as sent; empty if there was none. */
    public String argument() {
        return argument;
    }

    /** MAIL. */
    public ReversePath reversePath() {
        return part(SmtpVerb.MAIL, value, ReversePath.class);
    }

    /** MAIL. */
    public MailParameters mailParameters() {
        return part(SmtpVerb.MAIL, parameters, MailParameters.class);
    }

    /** RCPT. */
    public ForwardPath forwardPath() {
        return part(SmtpVerb.RCPT, value, ForwardPath.class);
    }

    /** RCPT. */
    public RcptParameters rcptParameters() {
        return part(SmtpVerb.RCPT, parameters, RcptParameters.class);
    }

    /** HELO and EHLO. */
    public ClientDomain clientDomain() {
        if (verb != SmtpVerb.HELO && verb != SmtpVerb.EHLO) throw wrongVerb("a client domain");
        return (ClientDomain) value;
    }

    /** AUTH. */
    public AuthRequest authRequest() {
        return part(SmtpVerb.AUTH, value, AuthRequest.class);
    }

    /** BDAT. */
    public BdatChunk bdatChunk() {
        return part(SmtpVerb.BDAT, value, BdatChunk.class);
    }

    /** The free-text argument of VRFY and EXPN (required) or HELP and NOOP (may be empty). */
    public String text() {
        if (verb != SmtpVerb.VRFY && verb != SmtpVerb.EXPN && verb != SmtpVerb.HELP && verb != SmtpVerb.NOOP) {
            throw wrongVerb("a text argument");
        }
        return argument;
    }

    private <T> T part(SmtpVerb expected, Object part, Class<T> type) {
        if (verb != expected) throw wrongVerb(type.getSimpleName());
        return type.cast(part);
    }

    private IllegalStateException wrongVerb(String what) {
        return new IllegalStateException(verb + " carries no " + what);
    }

    /** The line for logs and traces: the AUTH initial response is masked (STYLE.md §7). */
    @Override
    public String toString() {
        if (verb == SmtpVerb.AUTH) return "AUTH " + value;
        return argument.isEmpty() ? verb.name() : verb + " " + argument;
    }

    private static SmtpSyntaxException invalid(SmtpVerb verb, String reason) {
        return new SmtpSyntaxException(Replies.invalidArguments(reason), verb);
    }

    /** One parse; holds the context so the per-verb methods stay short. */
    private static final class Parser {
        private final SmtpVerb verb;
        private final String arg;
        private final Set<SmtpExtension> advertised;
        private final boolean smtpUtf8Transaction;

        Parser(SmtpVerb verb, String arg, Set<SmtpExtension> advertised, boolean smtpUtf8Transaction) {
            this.verb = verb;
            this.arg = arg;
            this.advertised = advertised;
            this.smtpUtf8Transaction = smtpUtf8Transaction;
        }

        SmtpCommandLine parse() throws SmtpSyntaxException {
            return switch (verb) {
                case HELO, EHLO -> line(clientDomain(), null);
                case MAIL -> mail();
                case RCPT -> rcpt();
                case AUTH -> line(auth(), null);
                case BDAT -> line(bdat(), null);
                case DATA, RSET, QUIT, STARTTLS, VRFY, EXPN, HELP, NOOP -> line(null, null);
            };
        }

        private SmtpCommandLine line(Object value, Object parameters) {
            return new SmtpCommandLine(verb, arg, value, parameters);
        }

        /** RFC 5321 §4.1.1.1: {@code "EHLO" SP ( Domain / address-literal )}. */
        private ClientDomain clientDomain() throws SmtpSyntaxException {
            for (int i = 0; i < arg.length(); i++) {
                char c = arg.charAt(i);
                if (c == ' ') throw invalid(verb, verb + " takes a single domain or address literal");
                if (c > 0x7e) throw invalid(verb, "non-ASCII " + verb + " argument");
            }
            return ClientDomain.classify(arg);
        }

        /** RFC 5321 §4.1.1.2: {@code "MAIL FROM:" Reverse-path [SP Mail-parameters]}. */
        private SmtpCommandLine mail() throws SmtpSyntaxException {
            int at = prefix("FROM:", "Syntax: MAIL FROM:<address>");
            PathParser.Parsed path;
            try {
                path = PathParser.parse(arg, at, true, false);
            } catch (PathParser.PathSyntaxException e) {
                throw new SmtpSyntaxException(Replies.badSenderSyntax(e.getMessage()), verb);
            }
            String rest = arg.substring(path.end());
            if (!rest.isEmpty() && rest.charAt(0) != ' ') {
                throw new SmtpSyntaxException(Replies.badSenderSyntax("unexpected text after the address"), verb);
            }
            MailParameters parameters = mailParameters(rest);
            // RFC 6531 §3.4: UTF-8 in the envelope only with the SMTPUTF8 parameter (itself only
            // accepted when advertised)
            if (path.nonAscii() && !parameters.smtpUtf8()) {
                throw new SmtpSyntaxException(Replies.NON_ASCII_ADDRESS, verb);
            }
            ReversePath reversePath = path.nullPath()
                    ? ReversePath.NULL
                    : ReversePath.routed(path.mailbox(), path.sourceRoute());
            return line(reversePath, parameters);
        }

        /**
         * RFC 5321 §4.1.1.3: {@code "RCPT TO:" ( "<Postmaster@" Domain ">" / "<Postmaster>" /
         * Forward-path ) [SP Rcpt-parameters]}.
         */
        private SmtpCommandLine rcpt() throws SmtpSyntaxException {
            int at = prefix("TO:", "Syntax: RCPT TO:<address>");
            PathParser.Parsed path;
            try {
                path = PathParser.parse(arg, at, false, true);
            } catch (PathParser.PathSyntaxException e) {
                throw new SmtpSyntaxException(Replies.badRecipientSyntax(e.getMessage()), verb);
            }
            String rest = arg.substring(path.end());
            if (!rest.isEmpty() && rest.charAt(0) != ' ') {
                throw new SmtpSyntaxException(Replies.badRecipientSyntax("unexpected text after the address"), verb);
            }
            RcptParameters parameters = rcptParameters(rest);
            if (path.nonAscii() && !smtpUtf8Transaction) {
                throw new SmtpSyntaxException(Replies.NON_ASCII_ADDRESS, verb);
            }
            ForwardPath forwardPath = path.barePostmaster()
                    ? ForwardPath.POSTMASTER
                    : ForwardPath.routed(path.mailbox(), path.sourceRoute());
            return line(forwardPath, parameters);
        }

        /** Checks {@code FROM:} / {@code TO:} and returns where the path starts. */
        private int prefix(String keyword, String usage) throws SmtpSyntaxException {
            if (!arg.regionMatches(true, 0, keyword, 0, keyword.length())) {
                throw new SmtpSyntaxException(Replies.ARGUMENT_SYNTAX.withText(usage), verb);
            }
            int at = keyword.length();
            // the one leniency: "MAIL FROM: <a@b>" is common in real clients
            if (at < arg.length() && arg.charAt(at) == ' ') at++;
            return at;
        }

        private MailParameters mailParameters(String rest) throws SmtpSyntaxException {
            OptionalLong size = OptionalLong.empty();
            Optional<MailParameters.Body> body = Optional.empty();
            boolean smtpUtf8 = false;
            Optional<MailParameters.Ret> ret = Optional.empty();
            Optional<String> envid = Optional.empty();
            Optional<String> auth = Optional.empty();
            for (String[] p : esmtpParameters(rest, advertised.contains(SmtpExtension.SMTPUTF8))) {
                String keyword = p[0];
                String value = p[1];
                switch (keyword) {
                    case "SIZE" -> {
                        require(SmtpExtension.SIZE);
                        size = OptionalLong.of(size(value));
                    }
                    case "BODY" -> {
                        if (!advertised.contains(SmtpExtension.EIGHT_BIT_MIME) && !advertised.contains(SmtpExtension.BINARYMIME)) {
                            throw unknownParameter();
                        }
                        body = Optional.of(body(value));
                    }
                    case "SMTPUTF8" -> {
                        require(SmtpExtension.SMTPUTF8);
                        if (value != null) throw invalid(verb, "SMTPUTF8 takes no value");
                        smtpUtf8 = true;
                    }
                    case "RET" -> {
                        require(SmtpExtension.DSN);
                        ret = Optional.of(switch (upper(required(keyword, value))) {
                            case "FULL" -> MailParameters.Ret.FULL;
                            case "HDRS" -> MailParameters.Ret.HDRS;
                            default -> throw invalid(verb, "RET must be FULL or HDRS");
                        });
                    }
                    case "ENVID" -> {
                        require(SmtpExtension.DSN);
                        String v = required(keyword, value);
                        if (v.length() > MAX_ENVID_LENGTH) throw invalid(verb, "ENVID longer than 100 characters");
                        envid = Optional.of(xtext(keyword, v));
                    }
                    case "AUTH" -> {
                        require(SmtpExtension.AUTH);
                        String v = required(keyword, value);
                        auth = Optional.of(v.equals("<>") ? v : xtext(keyword, v));
                    }
                    default -> throw unknownParameter();
                }
            }
            return new MailParameters(size, body, smtpUtf8, ret, envid, auth);
        }

        private RcptParameters rcptParameters(String rest) throws SmtpSyntaxException {
            Set<RcptParameters.Notify> notify = Set.of();
            Optional<RcptParameters.OriginalRecipient> orcpt = Optional.empty();
            for (String[] p : esmtpParameters(rest, smtpUtf8Transaction)) {
                String keyword = p[0];
                String value = p[1];
                switch (keyword) {
                    case "NOTIFY" -> {
                        require(SmtpExtension.DSN);
                        notify = notify(required(keyword, value));
                    }
                    case "ORCPT" -> {
                        require(SmtpExtension.DSN);
                        orcpt = Optional.of(orcpt(required(keyword, value)));
                    }
                    default -> throw unknownParameter();
                }
            }
            return new RcptParameters(notify, orcpt);
        }

        /**
         * Splits {@code " kw=value kw2"} into upper-case keywords and raw values (null if none).
         * RFC 5321 §4.1.2: {@code esmtp-keyword = (ALPHA / DIGIT) *(ALPHA / DIGIT / "-")},
         * {@code esmtp-value = 1*(%d33-60 / %d62-126)}, plus UTF-8 (RFC 6531 §3.3) when allowed.
         */
        private List<String[]> esmtpParameters(String rest, boolean utf8Values) throws SmtpSyntaxException {
            List<String[]> out = new ArrayList<>();
            if (rest.isEmpty()) return out;
            Set<String> seen = new HashSet<>();
            for (String param : rest.substring(1).split(" ", -1)) {
                if (param.isEmpty()) throw invalid(verb, "empty parameter");
                int eq = param.indexOf('=');
                String rawKeyword = eq < 0 ? param : param.substring(0, eq);
                if (!isEsmtpKeyword(rawKeyword)) throw invalid(verb, "invalid parameter keyword");
                String keyword = upper(rawKeyword);
                String value = eq < 0 ? null : param.substring(eq + 1);
                if (value != null && !isEsmtpValue(value, utf8Values)) throw invalid(verb, "invalid value for " + keyword);
                if (!seen.add(keyword)) throw invalid(verb, "duplicate parameter " + keyword);
                out.add(new String[] {keyword, value});
            }
            return out;
        }

        private static boolean isEsmtpKeyword(String k) {
            if (k.isEmpty() || !isAlnum(k.charAt(0))) return false;
            return k.chars().allMatch(c -> isAlnum((char) c) || c == '-');
        }

        private static boolean isEsmtpValue(String v, boolean utf8) {
            if (v.isEmpty()) return false;
            return v.chars().allMatch(c -> (c >= 33 && c <= 126 && c != '=') || (utf8 && c >= 0x80));
        }

        private static boolean isAlnum(char c) {
            return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
        }

        /** RFC 1870 §3: {@code size-value = 1*20DIGIT}. */
        private long size(String value) throws SmtpSyntaxException {
            String v = required("SIZE", value);
            if (v.length() > 20 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw invalid(verb, "SIZE must be a number");
            }
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException overflow) {
                return Long.MAX_VALUE; // more than 2^63 octets: the session refuses it as too big
            }
        }

        private MailParameters.Body body(String value) throws SmtpSyntaxException {
            return switch (upper(required("BODY", value))) {
                case "7BIT" -> MailParameters.Body.SEVEN_BIT;
                case "8BITMIME" -> {
                    if (!advertised.contains(SmtpExtension.EIGHT_BIT_MIME)) throw notImplemented();
                    yield MailParameters.Body.EIGHT_BIT_MIME;
                }
                case "BINARYMIME" -> {
                    if (!advertised.contains(SmtpExtension.BINARYMIME)) throw notImplemented();
                    yield MailParameters.Body.BINARY_MIME;
                }
                default -> throw invalid(verb, "BODY must be 7BIT, 8BITMIME or BINARYMIME");
            };
        }

        /** RFC 3461 §4.1: {@code "NEVER" / 1#( "SUCCESS" / "FAILURE" / "DELAY" )}. */
        private Set<RcptParameters.Notify> notify(String value) throws SmtpSyntaxException {
            EnumSet<RcptParameters.Notify> set = EnumSet.noneOf(RcptParameters.Notify.class);
            for (String item : value.split(",", -1)) {
                RcptParameters.Notify n = switch (upper(item)) {
                    case "NEVER" -> RcptParameters.Notify.NEVER;
                    case "SUCCESS" -> RcptParameters.Notify.SUCCESS;
                    case "FAILURE" -> RcptParameters.Notify.FAILURE;
                    case "DELAY" -> RcptParameters.Notify.DELAY;
                    default -> throw invalid(verb, "NOTIFY must be NEVER or SUCCESS, FAILURE, DELAY");
                };
                if (!set.add(n)) throw invalid(verb, "NOTIFY lists " + n + " twice");
            }
            if (set.contains(RcptParameters.Notify.NEVER) && set.size() > 1) {
                throw invalid(verb, "NOTIFY=NEVER cannot be combined");
            }
            return set;
        }

        /** RFC 3461 §4.2: {@code addr-type ";" xtext}; RFC 6533 §3 for type utf-8. */
        private RcptParameters.OriginalRecipient orcpt(String value) throws SmtpSyntaxException {
            if (value.length() > MAX_ORCPT_LENGTH) throw invalid(verb, "ORCPT longer than 500 characters");
            int semi = value.indexOf(';');
            String type = semi < 0 ? "" : value.substring(0, semi);
            String encoded = semi < 0 ? "" : value.substring(semi + 1);
            if (type.isEmpty() || encoded.isEmpty() || !type.codePoints().allMatch(c -> c < 0x80 && AddressGrammar.isAtext(c))) {
                throw invalid(verb, "ORCPT must be addr-type;address");
            }
            try {
                String address = type.equalsIgnoreCase("utf-8")
                        ? Xtext.decodeUtf8Address(encoded)
                        : Xtext.decode(encoded);
                return new RcptParameters.OriginalRecipient(type, address);
            } catch (IllegalArgumentException e) {
                throw invalid(verb, "invalid ORCPT address encoding");
            }
        }

        /** RFC 4954 §4: {@code mechanism [SP initial-response]}. */
        private AuthRequest auth() throws SmtpSyntaxException {
            String[] parts = arg.split(" ", -1);
            if (parts.length > 2) throw invalid(verb, "AUTH takes a mechanism and an optional initial response");
            String mechanism = parts[0];
            // RFC 4422 §3.1: sasl-mech = 1*20mech-char, mech-char = UPPER-ALPHA / DIGIT / HYPHEN / UNDERSCORE;
            // lower case is accepted and upper-cased, as mechanism names compare case-insensitively
            if (mechanism.isEmpty() || mechanism.length() > 20
                    || !mechanism.chars().allMatch(c -> isAlnum((char) c) || c == '-' || c == '_')) {
                throw invalid(verb, "invalid SASL mechanism name");
            }
            byte[] initial = null;
            if (parts.length == 2) {
                if (parts[1].isEmpty()) throw invalid(verb, "empty initial response");
                initial = parts[1].equals("=") ? new byte[0] : base64(parts[1]);
            }
            return new AuthRequest(upper(mechanism), initial);
        }

        /** RFC 4648 §4 base64 with padding, as RFC 4954 requires. */
        private byte[] base64(String text) throws SmtpSyntaxException {
            if (text.isEmpty() || text.length() % 4 != 0) throw new SmtpSyntaxException(Replies.AUTH_BAD_BASE64, verb);
            try {
                return Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new SmtpSyntaxException(Replies.AUTH_BAD_BASE64, verb);
            }
        }

        /** RFC 3030 §2: {@code "BDAT" SP chunk-size [ SP end-marker ]}, end-marker = "LAST". */
        private BdatChunk bdat() throws SmtpSyntaxException {
            String[] parts = arg.split(" ", -1);
            boolean last = false;
            if (parts.length == 2 && parts[1].equalsIgnoreCase("LAST")) {
                last = true;
            } else if (parts.length != 1) {
                throw invalid(verb, "Syntax: BDAT size [LAST]");
            }
            String size = parts[0];
            // 18 digits always fit a long; a bigger chunk could not be accepted anyway
            if (size.isEmpty() || size.length() > 18 || !size.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw invalid(verb, "Syntax: BDAT size [LAST]");
            }
            return new BdatChunk(Long.parseLong(size), last);
        }

        private String xtext(String keyword, String value) throws SmtpSyntaxException {
            try {
                return Xtext.decode(value);
            } catch (IllegalArgumentException e) {
                throw invalid(verb, "invalid xtext in " + keyword);
            }
        }

        private String required(String keyword, String value) throws SmtpSyntaxException {
            if (value == null) throw invalid(verb, keyword + " needs a value");
            return value;
        }

        private void require(SmtpExtension extension) throws SmtpSyntaxException {
            if (!advertised.contains(extension)) throw unknownParameter();
        }

        private SmtpSyntaxException unknownParameter() {
            return new SmtpSyntaxException(Replies.UNKNOWN_PARAMETER, verb);
        }

        private SmtpSyntaxException notImplemented() {
            return new SmtpSyntaxException(Replies.PARAMETER_NOT_IMPLEMENTED, verb);
        }

        /** ASCII-only upper case, so that no non-ASCII letter turns into a keyword. */
        private static String upper(String s) {
            char[] chars = s.toCharArray();
            for (int i = 0; i < chars.length; i++) {
                if (chars[i] >= 'a' && chars[i] <= 'z') chars[i] -= 32;
            }
            return new String(chars);
        }
    }
}
