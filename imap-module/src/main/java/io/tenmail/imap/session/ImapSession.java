package io.tenmail.imap.session;

import io.tenmail.imap.ImapSettings;
import io.tenmail.imap.wire.ImapSyntaxException;
import io.tenmail.imap.wire.RawCommand;
import io.tenmail.imap.wire.RequestReader;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.CommandParser;
import io.tenmail.imap.wire.request.ImapRequest;
import io.tenmail.imap.wire.response.ResponseWriter;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One IMAP connection's state (RFC 9051 §3): the {@link ImapState}, who logged in, the selected
 * mailbox, the extensions the client enabled, and the reader and writer of its byte streams. Only
 * the session's methods change state; the command layer calls them.
 *
 * <p>Threading: all methods run on the connection's ordered executor, one event at a time, so the
 * session needs no locks (STYLE.md §3). The only exception is the wake-up a mailbox change event
 * schedules through {@link Connection#execute}.
 */
public final class ImapSession {
    private static final Logger log = LoggerFactory.getLogger(ImapSession.class);
    private static final Logger wire = LoggerFactory.getLogger("io.tenmail.wire.imap");
    /** Responses are handed to the connection in chunks of about this size, so a large FETCH streams. */
    private static final int CHUNK = 64 * 1024;

    /** Extensions a client can ENABLE (RFC 5161) that change how the server talks. */
    public enum Extension { CONDSTORE, QRESYNC, UTF8_ACCEPT, IMAP4REV2 }

    private final Connection connection;
    private final ImapSettings settings;
    private final RequestDispatcher dispatcher;
    private final RequestReader reader;
    private final CommandParser parser = new CommandParser();
    private final ChunkedOutput output;
    private final ResponseWriter writer;
    private final Set<Extension> enabled = EnumSet.noneOf(Extension.class);
    private ImapState state = ImapState.NOT_AUTHENTICATED;
    private Principal principal;
    private SelectedMailbox selected;
    private LineHandler lineHandler;
    private boolean discardInput;
    /** The input being processed by {@link #receive}, for {@link #hasPipelinedInput()}. */
    private ByteBuffer input;
    /** RFC 7162 §3.1: a CONDSTORE-enabling command (e.g. FETCH MODSEQ) turns MODSEQ reporting on. */
    private boolean condstoreUsed;
    private String clientId = "";

    public ImapSession(Connection connection, ImapSettings settings, RequestDispatcher dispatcher, LiteralSpoolFactory spools) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.reader = new RequestReader(settings.limits(), spools.create());
        this.output = new ChunkedOutput(connection);
        this.writer = new ResponseWriter(output);
    }

    /** Creates the spool for a session's large literals. */
    @FunctionalInterface
    public interface LiteralSpoolFactory {
        io.tenmail.imap.wire.LiteralSpool create();
    }

    // ------------------------------------------------------------------ events from the transport

    /** The connection opened: greet (RFC 9051 §7.1.1). */
    public void start() {
        connection.setInactivityTimeout(settings.loginTimeout());
        try {
            writer.untagged().atom("OK").openCode("CAPABILITY");
            for (String cap : dispatcher.capabilities(this).split(" ")) writer.atom(cap);
            writer.closeCode().text(settings.hostname() + " Tenmail IMAP ready").end();
            flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes from the client (already decrypted). */
    public void receive(ByteBuffer in) {
        input = in;
        try {
            while (in.hasRemaining() && state != ImapState.LOGOUT) {
                if (lineHandler != null) {
                    RequestReader.Event event = reader.readLine(in);
                    if (event == null) break;
                    if (event instanceof RequestReader.Line line) {
                        if (wire.isTraceEnabled()) wire.trace("C: <line, {} chars>", line.text().length());
                        LineHandler handler = lineHandler;
                        handler.line(this, line.text());
                    } else if (event instanceof RequestReader.Refused refused) {
                        refuse(refused);
                    }
                } else {
                    RequestReader.Event event = reader.read(in);
                    if (event == null) break;
                    if (event instanceof RequestReader.Command command) {
                        execute(command.command());
                    } else if (event instanceof RequestReader.LiteralAnnounced announced) {
                        // RFC 9051 §7.5: the client waits for this before sending the literal
                        writer.continuation("Ready for literal data");
                    } else if (event instanceof RequestReader.Refused refused) {
                        refuse(refused);
                    }
                }
                if (discardInput) {
                    // RFC 9051 §6.2.1: bytes pipelined after STARTTLS are discarded, never run under TLS
                    in.position(in.limit());
                    discardInput = false;
                }
            }
            flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            input = null;
        }
    }

    private void refuse(RequestReader.Refused refused) throws IOException {
        log.info("refused: {}", refused.response().render());
        writer.status(refused.response());
        if (refused.closeConnection()) {
            writer.status(StatusResponse.bye("Too much input"));
            logout();
        }
    }

    private void execute(RawCommand raw) throws IOException {
        if (wire.isTraceEnabled()) wire.trace("C: {}", masked(raw.toString()));
        ImapRequest request;
        try {
            request = parser.parse(raw);
        } catch (ImapSyntaxException e) {
            raw.release();
            log.info("syntax error: {}", e.response().render());
            writer.status(e.response());
            return;
        }
        try {
            dispatcher.dispatch(this, request);
        } finally {
            raw.release();
        }
    }

    private static String masked(String line) {
        String upper = line.toUpperCase(Locale.ROOT);
        int login = upper.indexOf(" LOGIN ");
        if (login >= 0 && login < 20) return line.substring(0, login + 7) + "***";
        int auth = upper.indexOf(" AUTHENTICATE ");
        if (auth >= 0 && auth < 20) return line.substring(0, auth + 14) + "***";
        return line;
    }

    /** The selected mailbox changed (a change event): IDLE pushes the update at once. */
    public void mailboxChanged() {
        if (lineHandler != null && selected != null && selected.isStale()) {
            lineHandler.mailboxChanged(this);
            try {
                flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The connection closed or timed out: release what the session holds. */
    public void closed() {
        unselect();
        reader.close();
        state = ImapState.LOGOUT;
    }

    /** The connection was idle too long (RFC 9051 §5.4). */
    public void timedOut() {
        try {
            writer.status(StatusResponse.bye("Autologout; idle for too long"));
            flush();
        } catch (IOException e) {
            log.debug("cannot send BYE", e);
        }
        logout();
    }

    // ------------------------------------------------------------------ state, for the command layer

    public ImapState state() {
        return state;
    }

    public ImapSettings settings() {
        return settings;
    }

    public Connection connection() {
        return connection;
    }

    public ResponseWriter writer() {
        return writer;
    }

    public void flush() throws IOException {
        writer.flush();
    }

    /** True if LOGIN and AUTHENTICATE may be used: under TLS, or on loopback when configured. */
    public boolean plaintextLoginAllowed() {
        return connection.isSecure()
                || settings.allowPlaintextOnLoopback() && connection.remoteAddress() != null && connection.remoteAddress().isLoopbackAddress();
    }

    /** NOT_AUTHENTICATED → AUTHENTICATED. */
    public void login(Principal who) {
        if (state != ImapState.NOT_AUTHENTICATED) throw new IllegalStateException("already logged in");
        principal = who;
        state = ImapState.AUTHENTICATED;
        // RFC 9051 §5.4: after login the autologout timer is at least 30 minutes
        connection.setInactivityTimeout(settings.idleTimeout());
    }

    public Principal principal() {
        return principal;
    }

    public AccountId owner() {
        if (principal == null) throw new IllegalStateException("not logged in");
        return principal.account();
    }

    /** AUTHENTICATED or SELECTED → SELECTED; a previously selected mailbox is closed first. */
    public void select(SelectedMailbox mailbox) {
        if (state != ImapState.AUTHENTICATED && state != ImapState.SELECTED) throw new IllegalStateException("not logged in");
        unselect();
        selected = mailbox;
        state = ImapState.SELECTED;
    }

    /**
     * For change listeners on other threads: schedules {@link #mailboxChanged()} on this session's
     * executor. Thread-safe.
     */
    public void wakeUp() {
        connection.execute(this::mailboxChanged);
    }

    /** SELECTED → AUTHENTICATED (CLOSE, UNSELECT, a failed SELECT). */
    public void unselect() {
        if (selected != null) selected.close();
        selected = null;
        if (state == ImapState.SELECTED) state = ImapState.AUTHENTICATED;
    }

    public SelectedMailbox selected() {
        return selected;
    }

    /** → LOGOUT: the connection closes after what was written has been sent. */
    public void logout() {
        unselect();
        state = ImapState.LOGOUT;
        try {
            flush();
        } catch (IOException e) {
            log.debug("cannot flush before closing", e);
        }
        connection.close();
    }

    /** STARTTLS: TLS starts once the tagged OK has been written; pipelined input is thrown away. */
    public void startTls() {
        connection.startTls(output.drain());
        discardInput = true;
    }

    /** COMPRESS: everything after the tagged OK already written is deflated (RFC 4978 §3). */
    public void startCompression() {
        connection.startCompression(output.drain());
    }

    /**
     * True if the client sent more than the command being run: bytes not yet read in the current
     * input, or part of a next command. COMPRESS refuses to start then, as those bytes would be
     * compressed and already past the decompressor.
     */
    public boolean hasPipelinedInput() {
        return input != null && input.hasRemaining() || reader.hasPartialInput();
    }

    /** Hands the client's next bare lines to {@code handler} (AUTHENTICATE, IDLE); null ends that. */
    public void expectLines(LineHandler handler) {
        this.lineHandler = handler;
    }

    public boolean expectsLines() {
        return lineHandler != null;
    }

    public void enable(Extension extension) {
        enabled.add(extension);
        if (extension == Extension.UTF8_ACCEPT || extension == Extension.IMAP4REV2) {
            parser.setUtf8(true);
            writer.setUtf8(true);
        }
        if (extension == Extension.QRESYNC) enabled.add(Extension.CONDSTORE);
    }

    public boolean isEnabled(Extension extension) {
        return enabled.contains(extension);
    }

    /** Whether MODSEQ goes into FETCH responses (RFC 7162 §3.1.2: CONDSTORE enabled or used). */
    public boolean condstore() {
        return condstoreUsed || enabled.contains(Extension.CONDSTORE);
    }

    public void useCondstore() {
        condstoreUsed = true;
    }

    public boolean utf8() {
        return parser.utf8();
    }

    public String clientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    /** Sends bytes to the connection in chunks while a response is being written. */
    private static final class ChunkedOutput extends OutputStream {
        private final Connection connection;
        private byte[] buffer = new byte[8192];
        private int count;

        ChunkedOutput(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void write(int b) {
            ensure(1);
            buffer[count++] = (byte) b;
            if (count >= CHUNK) flush();
        }

        @Override
        public void write(byte[] b, int off, int len) {
            while (len > 0) {
                int n = Math.min(len, CHUNK - count);
                ensure(n);
                System.arraycopy(b, off, buffer, count, n);
                count += n;
                off += n;
                len -= n;
                if (count >= CHUNK) flush();
            }
        }

        private void ensure(int more) {
            if (count + more > buffer.length) buffer = java.util.Arrays.copyOf(buffer, Math.max(count + more, Math.min(buffer.length * 2, CHUNK)));
        }

        byte[] drain() {
            byte[] bytes = java.util.Arrays.copyOf(buffer, count);
            count = 0;
            return bytes;
        }

        @Override
        public void flush() {
            if (count == 0) return;
            connection.write(java.util.Arrays.copyOf(buffer, count));
            count = 0;
        }
    }
}
