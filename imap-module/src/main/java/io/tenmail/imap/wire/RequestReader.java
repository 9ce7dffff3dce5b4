package io.tenmail.imap.wire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Incremental framer of the client's command stream, fed arbitrary chunks. It splits the stream
 * into complete commands, literals included, and enforces {@link ReaderLimits} before it buffers
 * anything; the grammar of the command itself is the parser's business.
 *
 * <h2>Use</h2>
 *
 * Call {@link #read(ByteBuffer)} until it returns null (input exhausted, partial state kept):
 * <ul>
 *   <li>{@link Command}: one complete command. The reader stops right after its final line end,
 *       so whatever the client pipelined behind it stays in the buffer: after STARTTLS or
 *       COMPRESS the caller decides what those bytes are (RFC 9051 §6.2.1: discard them).
 *   <li>{@link LiteralAnnounced}: a synchronizing literal {@code {n}} (or {@code ~{n}}) whose size
 *       is within the limits. Send a continuation request ({@code + Ready}) and read on, or call
 *       {@link #rejectLiteral()} and send a tagged NO (e.g. {@code NO [OVERQUOTA]}): the client
 *       sends no literal octets without the continuation (RFC 9051 §7.5).
 *   <li>{@link Refused}: the command broke a limit. Send the response; close the connection if
 *       {@link Refused#closeConnection()} says so.
 * </ul>
 * During AUTHENTICATE and IDLE the client sends bare lines (SASL responses, {@code DONE}): read
 * those with {@link #readLine(ByteBuffer)}.
 *
 * <h2>Framing</h2>
 *
 * A line ends with LF; a CR before it is dropped (a bare LF is tolerated, as by most servers;
 * a CR elsewhere stays and the parser refuses it). A line ends in a literal announcement when its
 * last octets, outside a quoted string, are {@code {n}}, {@code {n+}}, {@code ~{n}} or {@code
 * ~{n+}} (RFC 9051 §4.3, RFC 7888, RFC 3516). Quoted strings are tracked, so {@code "a {5}"} is
 * not an announcement and parentheses inside quotes do not count towards the nesting limit.
 *
 * <h2>Limits and refusals</h2>
 *
 * <ul>
 *   <li>A literal's size is checked against {@link ReaderLimits#maxLiteralOctets()} (APPEND) or
 *       {@link ReaderLimits#maxStringLiteralOctets()} (other commands) when the announcement's
 *       line ends, before anything is allocated: {@code {4294967295}} costs nothing.
 *       A synchronizing literal too large gets {@code NO [TOOBIG]} in an APPEND (RFC 7889,
 *       RFC 4469 §5) and {@code BAD [TOOBIG]} elsewhere.
 *   <li>With LITERAL- (RFC 7888 §4) a non-synchronizing literal above 4096 octets gets
 *       {@code BAD [TOOBIG]}; so does a non-synchronizing literal above the limits.
 *   <li>The text of a command (all lines, literal data excluded) may not exceed {@link
 *       ReaderLimits#maxLineOctets()}, nor parentheses nest deeper than {@link
 *       ReaderLimits#maxNesting()}, nor a command carry more than {@link ReaderLimits#maxLiterals()}
 *       literals: {@code BAD}. The refusal is reported as soon as the limit is crossed.
 * </ul>
 *
 * <h2>Resynchronisation after a refusal</h2>
 *
 * After a refusal the reader skips to the end of the refused command, which is the next line end
 * not followed by literal data. The rule for literals announced in the skipped part:
 * <ul>
 *   <li>a refused or skipped <em>synchronizing</em> literal ends the command at once: the client
 *       never received the continuation, has the tagged refusal instead, and sends no data;
 *   <li>a refused or skipped <em>non-synchronizing</em> literal is already on its way: its octets
 *       are read and thrown away (never stored) if it is no larger than {@link
 *       ReaderLimits#maxLiteralOctets()}, which costs no more than accepting it would have, and
 *       the rest of the command is skipped the same way; a larger one cannot be skipped at
 *       reasonable cost, so the connection must be closed ({@link Refused#closeConnection()}).
 *       Skipping blindly instead would execute the literal's octets as commands.
 * </ul>
 *
 * <h2>Memory</h2>
 *
 * The reader holds at most one command: its text (bounded by the line limit) and its literals.
 * Literals up to {@link ReaderLimits#maxStringLiteralOctets()} are kept in memory; larger ones
 * (APPEND message data) go to the {@link LiteralSpool}, which is asked for storage only when the
 * first octet of the literal arrives.
 *
 * <p>Not thread-safe: one reader per connection.
 */
public final class RequestReader {

    /** What {@link #read} or {@link #readLine} found. */
    public sealed interface Event permits Command, LiteralAnnounced, Refused, Line {}

    /** A complete command; the caller owns it and must {@link RawCommand#release()} it. */
    public record Command(RawCommand command) implements Event {
        public Command {
            Objects.requireNonNull(command, "command");
        }
    }

    /**
     * A synchronizing literal of {@code size} octets was announced and is within the limits.
     *
     * @param tag     the command's tag, or null if it is not a valid tag
     * @param command the command name in upper case ({@code APPEND}), or null
     */
    public record LiteralAnnounced(String tag, String command, long size) implements Event {}

    /**
     * The command broke a limit and is being skipped.
     *
     * @param response        the response to send (tagged, or {@code * BAD} / {@code * BYE})
     * @param closeConnection true if the stream cannot be resynchronised: close after sending
     */
    public record Refused(StatusResponse response, boolean closeConnection) implements Event {
        public Refused {
            Objects.requireNonNull(response, "response");
        }
    }

    /** A bare line read by {@link #readLine}, without its terminator, octets as ISO-8859-1 chars. */
    public record Line(String text) implements Event {
        public Line {
            Objects.requireNonNull(text, "text");
        }
    }

    private enum Phase { LINE, LITERAL, DISCARD_LINE, DISCARD_LITERAL, BARE_LINE, DISCARD_BARE_LINE, CLOSED }

    // states of the literal-announcement recogniser
    private static final int SPEC_NONE = 0;
    private static final int SPEC_TILDE = 1;
    private static final int SPEC_DIGITS = 2;
    private static final int SPEC_PLUS = 3;
    private static final int SPEC_CLOSED = 4;
    private static final int SPEC_CLOSED_CR = 5;

    private static final int INITIAL_BUFFER = 256;

    private final ReaderLimits limits;
    private final LiteralSpool spool;

    private Phase phase = Phase.LINE;

    // the command being read
    private byte[] text = new byte[INITIAL_BUFFER];
    private int length;
    private final List<Literal> literals = new ArrayList<>();
    private int[] literalEnds = new int[4];

    // lexical state, carried across the lines of one command
    private boolean inQuote;
    private boolean escaped;
    private int depth;
    private int spec = SPEC_NONE;
    private long specValue;
    private boolean specPlus;
    private boolean specBinary;

    // the literal being read or skipped
    private long literalSize;
    private long literalRemaining;
    private boolean literalBinary;
    private boolean literalNul;
    private byte[] memoryLiteral;
    private int memoryFilled;
    private LiteralSpool.Sink sink;

    private boolean mayRejectLiteral;

    public RequestReader(ReaderLimits limits) {
        this(limits, LiteralSpool.MEMORY);
    }

    public RequestReader(ReaderLimits limits, LiteralSpool spool) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.spool = Objects.requireNonNull(spool, "spool");
    }

    public ReaderLimits limits() {
        return limits;
    }

    /**
     * Consumes input until a command is complete or the caller has to act, and returns that event;
     * returns null when {@code in} is exhausted first. Never consumes beyond the end of a command.
     *
     * @throws IOException if the literal spool fails; the reader is then closed
     * @throws IllegalStateException after {@link #close()}, after a closing refusal, or in the
     *     middle of a bare line
     */
    public Event read(ByteBuffer in) throws IOException {
        if (phase == Phase.CLOSED) throw new IllegalStateException("reader is closed");
        if (phase == Phase.BARE_LINE || phase == Phase.DISCARD_BARE_LINE) {
            throw new IllegalStateException("a bare line is being read");
        }
        mayRejectLiteral = false;
        try {
            while (in.hasRemaining()) {
                Event event = switch (phase) {
                    case LITERAL -> readLiteral(in);
                    case DISCARD_LITERAL -> skipLiteral(in);
                    default -> readLineOctet(in.get());
                };
                if (event != null) return event;
            }
            return null;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Reads one bare line (a SASL response during AUTHENTICATE, {@code DONE} during IDLE), at most
     * {@link ReaderLimits#maxLineOctets()} long. Returns a {@link Line}, or a {@code BAD}
     * {@link Refused} once an overlong line has ended, or null when {@code in} ran out first.
     *
     * @throws IllegalStateException if a command is partly read
     */
    public Event readLine(ByteBuffer in) {
        if (phase == Phase.LINE && length == 0 && literals.isEmpty() && spec == SPEC_NONE) {
            phase = Phase.BARE_LINE;
        } else if (phase != Phase.BARE_LINE && phase != Phase.DISCARD_BARE_LINE) {
            throw new IllegalStateException("a command is partly read");
        }
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                boolean overlong = phase == Phase.DISCARD_BARE_LINE;
                if (length > 0 && text[length - 1] == '\r') length--;
                String line = new String(text, 0, length, StandardCharsets.ISO_8859_1);
                resetCommand();
                phase = Phase.LINE;
                return overlong ? new Refused(StatusResponse.bad(null, "Line too long"), false) : new Line(line);
            }
            if (phase == Phase.DISCARD_BARE_LINE) continue;
            if (length >= limits.maxLineOctets()) {
                phase = Phase.DISCARD_BARE_LINE;
                length = 0;
                continue;
            }
            append(b);
        }
        return null;
    }

    /**
     * Refuses the synchronizing literal just reported by a {@link LiteralAnnounced} event, before
     * any further input was read: the command is dropped and the next input starts a new one. The
     * caller sends the tagged response it chose.
     *
     * @throws IllegalStateException if the last event was not a {@link LiteralAnnounced}
     */
    public void rejectLiteral() {
        if (!mayRejectLiteral) throw new IllegalStateException("no synchronizing literal is awaiting its continuation");
        mayRejectLiteral = false;
        dropCommand();
        phase = Phase.LINE;
    }

    /** True if part of a command (or bare line) has been read. */
    public boolean hasPartialInput() {
        return phase != Phase.LINE || length > 0 || !literals.isEmpty() || spec != SPEC_NONE;
    }

    /** Drops whatever is held, releasing spooled literals. The reader cannot be used afterwards. */
    public void close() {
        dropCommand();
        phase = Phase.CLOSED;
    }

    // ---------------------------------------------------------------- line octets

    private Event readLineOctet(byte b) throws IOException {
        if (b == '\n') return endOfLine();
        if (phase == Phase.DISCARD_LINE) {
            lex(b);
            return null;
        }
        if (length >= limits.maxLineOctets()) {
            Event refused = refuseAndSkip(StatusResponse.bad(tag(), "Command line too long"));
            lex(b);
            return refused;
        }
        append(b);
        lex(b);
        if (depth > limits.maxNesting()) {
            return refuseAndSkip(StatusResponse.bad(tag(), "Too many nested parentheses"));
        }
        return null;
    }

    /** Tracks quoting, nesting and a possible literal announcement at the end of the line. */
    private void lex(byte b) {
        if (inQuote) {
            if (escaped) escaped = false;
            else if (b == '\\') escaped = true;
            else if (b == '"') inQuote = false;
            return;
        }
        switch (b) {
            case '"' -> {
                inQuote = true;
                spec = SPEC_NONE;
            }
            case '(' -> {
                depth++;
                spec = SPEC_NONE;
            }
            case ')' -> {
                if (depth > 0) depth--;
                spec = SPEC_NONE;
            }
            case '~' -> spec = SPEC_TILDE;
            case '{' -> {
                specBinary = spec == SPEC_TILDE;
                spec = SPEC_DIGITS;
                specValue = -1;
                specPlus = false;
            }
            case '+' -> spec = spec == SPEC_DIGITS && specValue >= 0 ? SPEC_PLUS : SPEC_NONE;
            case '}' -> spec = spec == SPEC_DIGITS && specValue >= 0 || spec == SPEC_PLUS ? SPEC_CLOSED : SPEC_NONE;
            case '\r' -> spec = spec == SPEC_CLOSED ? SPEC_CLOSED_CR : SPEC_NONE;
            default -> {
                if (spec == SPEC_DIGITS && b >= '0' && b <= '9') {
                    int digit = b - '0';
                    long value = Math.max(specValue, 0);
                    // saturate: anything this large is refused by size anyway
                    specValue = value > (Long.MAX_VALUE - digit) / 10 ? Long.MAX_VALUE : value * 10 + digit;
                } else {
                    spec = SPEC_NONE;
                }
            }
        }
        if (spec == SPEC_PLUS) specPlus = true;
    }

    private Event endOfLine() throws IOException {
        boolean announced = spec == SPEC_CLOSED || spec == SPEC_CLOSED_CR;
        long size = specValue;
        boolean sync = !specPlus;
        boolean binary = specBinary;
        spec = SPEC_NONE;
        // RFC 9051 §4.3: a quoted string cannot span lines; the parser reports the unterminated one
        inQuote = false;
        escaped = false;

        if (phase == Phase.DISCARD_LINE) {
            if (!announced || sync) {
                resetCommand();
                phase = Phase.LINE;
                return null;
            }
            if (size <= limits.maxLiteralOctets()) {
                startSkipping(size);
                return null;
            }
            dropCommand();
            phase = Phase.CLOSED;
            return new Refused(StatusResponse.bye("Literal too large to skip"), true);
        }

        if (length > 0 && text[length - 1] == '\r') length--;
        if (!announced) {
            RawCommand command = new RawCommand(Arrays.copyOf(text, length), literals, Arrays.copyOf(literalEnds, literals.size()));
            resetCommand();
            return new Command(command);
        }

        String tag = tag();
        String name = commandName();
        boolean append = "APPEND".equals(name);
        long max = append ? limits.maxLiteralOctets() : limits.maxStringLiteralOctets();
        StatusResponse refusal = null;
        if (literals.size() >= limits.maxLiterals()) {
            refusal = StatusResponse.bad(tag, "Too many literals in one command");
        } else if (size > max) {
            refusal = append && sync
                    ? StatusResponse.no(tag, ResponseCode.TOOBIG, "Message larger than " + max + " octets")
                    : StatusResponse.bad(tag, ResponseCode.TOOBIG, "Literal larger than " + max + " octets");
        } else if (!sync && limits.literalMinus() && size > ReaderLimits.LITERAL_MINUS_MAX_OCTETS) {
            refusal = StatusResponse.bad(tag, ResponseCode.TOOBIG,
                    "Non-synchronizing literal larger than 4096 octets, use {" + size + "}");
        }
        if (refusal != null) {
            dropCommand();
            if (sync) {
                phase = Phase.LINE;
                return new Refused(refusal, false);
            }
            if (size <= limits.maxLiteralOctets()) {
                startSkipping(size);
                return new Refused(refusal, false);
            }
            phase = Phase.CLOSED;
            return new Refused(refusal, true);
        }

        startLiteral(size, binary);
        if (sync) {
            mayRejectLiteral = true;
            return new LiteralAnnounced(tag, name, size);
        }
        return null;
    }

    /** Refuses the command being read and skips the rest of it. */
    private Event refuseAndSkip(StatusResponse response) {
        // the lexical state stays: the rest of this line is still scanned for quotes and a literal
        dropStored();
        phase = Phase.DISCARD_LINE;
        return new Refused(response, false);
    }

    // ---------------------------------------------------------------- literals

    private void startLiteral(long size, boolean binary) throws IOException {
        if (literals.size() == literalEnds.length) literalEnds = Arrays.copyOf(literalEnds, literalEnds.length * 2);
        literalEnds[literals.size()] = length;
        literalRemaining = size;
        literalBinary = binary;
        literalNul = false;
        literalSize = size;
        if (size <= limits.maxStringLiteralOctets()) {
            memoryLiteral = new byte[(int) size];
            memoryFilled = 0;
        }
        // a spooled literal's sink is opened when its first octet arrives: a synchronizing
        // literal the caller rejects never touches the spool
        phase = Phase.LITERAL;
        if (size == 0) finishLiteral();
    }

    private Event readLiteral(ByteBuffer in) throws IOException {
        int n = (int) Math.min(in.remaining(), literalRemaining);
        int start = in.position();
        if (!literalBinary && !literalNul) {
            for (int i = start; i < start + n; i++) {
                if (in.get(i) == 0) {
                    literalNul = true;
                    break;
                }
            }
        }
        if (memoryLiteral != null) {
            in.get(memoryLiteral, memoryFilled, n);
            memoryFilled += n;
        } else {
            if (sink == null) sink = spool.open(literalSize);
            ByteBuffer slice = in.slice();
            slice.limit(n);
            sink.write(slice);
            in.position(start + n);
        }
        literalRemaining -= n;
        if (literalRemaining == 0) finishLiteral();
        return null;
    }

    private void finishLiteral() throws IOException {
        Literal.Data data;
        if (memoryLiteral != null) {
            data = new Literal.InMemory(memoryLiteral);
            memoryLiteral = null;
        } else {
            LiteralSpool.Sink finished = sink;
            sink = null;
            data = finished.finish();
        }
        literals.add(new Literal(literalBinary, literalNul, data));
        phase = Phase.LINE;
    }

    private void startSkipping(long size) {
        literalRemaining = size;
        phase = size == 0 ? Phase.DISCARD_LINE : Phase.DISCARD_LITERAL;
    }

    private Event skipLiteral(ByteBuffer in) {
        int n = (int) Math.min(in.remaining(), literalRemaining);
        in.position(in.position() + n);
        literalRemaining -= n;
        if (literalRemaining == 0) phase = Phase.DISCARD_LINE;
        return null;
    }

    // ---------------------------------------------------------------- state

    private void append(byte b) {
        if (length == text.length) {
            text = Arrays.copyOf(text, (int) Math.min((long) text.length * 2, limits.maxLineOctets()));
        }
        text[length++] = b;
    }

    private String tag() {
        return RawCommand.tagOf(text, length);
    }

    /** The second word in upper case, or null. */
    private String commandName() {
        int i = 0;
        while (i < length && text[i] != ' ') i++;
        int start = ++i;
        while (i < length && Grammar.isAtomChar(text[i] & 0xff)) i++;
        if (start >= i) return null;
        return new String(text, start, i - start, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT);
    }

    /** Forgets the command, releasing its literals, and clears the lexical state. */
    private void dropCommand() {
        dropStored();
        resetCommand();
    }

    /** Releases what is stored of the command (text, literals, a literal being read). */
    private void dropStored() {
        for (Literal literal : literals) literal.release();
        literals.clear();
        if (sink != null) sink.discard();
        sink = null;
        memoryLiteral = null;
        length = 0;
    }

    /** Forgets the command without releasing its literals (a {@link RawCommand} owns them now). */
    private void resetCommand() {
        literals.clear();
        length = 0;
        if (text.length > 4 * INITIAL_BUFFER) text = new byte[INITIAL_BUFFER];
        inQuote = false;
        escaped = false;
        depth = 0;
        spec = SPEC_NONE;
    }
}
