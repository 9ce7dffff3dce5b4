package io.tenmail.imap.wire.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenmail.imap.wire.ImapSyntaxException;
import io.tenmail.imap.wire.RawCommand;
import io.tenmail.imap.wire.ReaderLimits;
import io.tenmail.imap.wire.RequestReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert;

/** Test helpers: frame a command line (literals included) and parse it. */
final class Requests {

    private Requests() {
    }

    /** Frames one command, answering continuations; the input must hold exactly one command. */
    static RawCommand frame(String input) {
        return frame(input.getBytes(StandardCharsets.UTF_8));
    }

    static RawCommand frame(byte[] input) {
        RequestReader reader = new RequestReader(ReaderLimits.DEFAULT);
        ByteBuffer in = ByteBuffer.wrap(input);
        try {
            while (true) {
                RequestReader.Event e = reader.read(in);
                if (e == null) throw new AssertionError("incomplete command: " + new String(input, StandardCharsets.UTF_8));
                if (e instanceof RequestReader.Command c) {
                    assertThat(in.hasRemaining()).as("one command only").isFalse();
                    return c.command();
                }
                if (!(e instanceof RequestReader.LiteralAnnounced)) throw new AssertionError("unexpected " + e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a command given without its final CRLF (which is added). */
    static ImapRequest parse(String line) throws ImapSyntaxException {
        return new CommandParser().parse(frame(line + "\r\n"));
    }

    static ImapRequest parseUtf8(String line) throws ImapSyntaxException {
        CommandParser parser = new CommandParser();
        parser.setUtf8(true);
        return parser.parse(frame(line + "\r\n"));
    }

    @SuppressWarnings("unchecked")
    static <T extends ImapRequest> T parse(String line, Class<T> type) throws ImapSyntaxException {
        ImapRequest request = parse(line);
        assertThat(request).isInstanceOf(type);
        return (T) request;
    }

    /** The response a refused command gets. */
    static String refusal(String line) {
        return refusal(() -> parse(line));
    }

    static String refusal(ThrowableAssert.ThrowingCallable call) {
        try {
            call.call();
        } catch (ImapSyntaxException e) {
            return e.response().render();
        } catch (Throwable t) {
            throw new AssertionError("unexpected " + t, t);
        }
        throw new AssertionError("accepted");
    }
}
