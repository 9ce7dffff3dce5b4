package io.tenmail.imap.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.tenmail.imap.wire.RequestReader.Command;
import io.tenmail.imap.wire.RequestReader.Event;
import io.tenmail.imap.wire.RequestReader.LiteralAnnounced;
import io.tenmail.imap.wire.RequestReader.Line;
import io.tenmail.imap.wire.RequestReader.Refused;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RequestReaderTest {

    /** Small limits so that tests can cross them cheaply. */
    static final ReaderLimits SMALL = new ReaderLimits(100, 10_000, 50, 4, 5, false);

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A readable form of an event: commands with their literals inlined as [data]. */
    static String describe(Event e) {
        if (e instanceof Command c) {
            RawCommand raw = c.command();
            StringBuilder sb = new StringBuilder("CMD ");
            int from = 0;
            for (int i = 0; i < raw.literalCount(); i++) {
                sb.append(new String(raw.octets(from, raw.literalEnd(i)), StandardCharsets.ISO_8859_1));
                Literal literal = raw.literal(i);
                sb.append('[').append(new String(literal.bytes(), StandardCharsets.ISO_8859_1)).append(']');
                if (literal.binary()) sb.append("b");
                if (literal.containsNul()) sb.append("0");
                from = raw.literalEnd(i);
            }
            sb.append(new String(raw.octets(from, raw.length()), StandardCharsets.ISO_8859_1));
            return sb.toString();
        }
        if (e instanceof LiteralAnnounced l) return "CONT " + l.tag() + " " + l.command() + " " + l.size();
        if (e instanceof Refused r) return "REFUSED " + r.response().render() + (r.closeConnection() ? " CLOSE" : "");
        if (e instanceof Line l) return "LINE " + l.text();
        throw new AssertionError(e);
    }

    /** Feeds the chunks in order, reading every event, stopping after a closing refusal. */
    static List<String> run(RequestReader reader, List<byte[]> chunks) {
        List<String> events = new ArrayList<>();
        try {
            for (byte[] chunk : chunks) {
                ByteBuffer in = ByteBuffer.wrap(chunk);
                while (true) {
                    Event e = reader.read(in);
                    if (e == null) break;
                    events.add(describe(e));
                    if (e instanceof Refused r && r.closeConnection()) return events;
                }
                assertThat(in.hasRemaining()).isFalse();
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return events;
    }

    static List<String> run(ReaderLimits limits, String input) {
        return run(new RequestReader(limits), List.of(bytes(input)));
    }

    /**
     * Runs the input whole, then split in two at every byte boundary, then byte by byte, and
     * asserts that every way gives the same events; returns them.
     */
    static List<String> runEverywhere(ReaderLimits limits, String input) {
        byte[] all = bytes(input);
        List<String> whole = run(new RequestReader(limits), List.of(all));
        for (int cut = 0; cut <= all.length; cut++) {
            List<String> split = run(new RequestReader(limits),
                    List.of(Arrays.copyOfRange(all, 0, cut), Arrays.copyOfRange(all, cut, all.length)));
            assertThat(split).as("split at %d", cut).isEqualTo(whole);
        }
        List<byte[]> single = new ArrayList<>();
        for (byte b : all) single.add(new byte[] {b});
        assertThat(run(new RequestReader(limits), single)).as("byte by byte").isEqualTo(whole);
        return whole;
    }

    /** A spool that fails the test if it is ever asked for storage. */
    static final LiteralSpool NO_SPOOL = size -> fail("spool asked for " + size + " octets");

    @Nested
    class Framing {

        @Test
        void aSimpleCommandEndsAtCrlf() {
            assertThat(runEverywhere(SMALL, "a1 NOOP\r\n")).containsExactly("CMD a1 NOOP");
        }

        @Test
        void aBareLfEndsALineToo() {
            assertThat(runEverywhere(SMALL, "a1 NOOP\nb CHECK\r\n")).containsExactly("CMD a1 NOOP", "CMD b CHECK");
        }

        @Test
        void aCrInsideALineIsKeptForTheParserToRefuse() {
            assertThat(run(SMALL, "a1 NO\rOP\r\n")).containsExactly("CMD a1 NO\rOP");
        }

        @Test
        void anEmptyLineIsAnEmptyCommand() {
            assertThat(run(SMALL, "\r\n")).containsExactly("CMD ");
        }

        @Test
        void pipelinedCommandsComeOneAtATimeAndTheRestStaysInTheBuffer() throws IOException {
            RequestReader reader = new RequestReader(SMALL);
            ByteBuffer in = ByteBuffer.wrap(bytes("a STARTTLS\r\nb LOGIN x y\r\n"));
            assertThat(describe(reader.read(in))).isEqualTo("CMD a STARTTLS");
            // RFC 9051 §6.2.1: what follows STARTTLS is the caller's to discard, never read here
            assertThat(in.position()).isEqualTo(12);
            assertThat(reader.hasPartialInput()).isFalse();
            assertThat(describe(reader.read(in))).isEqualTo("CMD b LOGIN x y");
            assertThat(reader.read(in)).isNull();
        }

        @Test
        void aPartialCommandIsKeptUntilItsLineEnds() throws IOException {
            RequestReader reader = new RequestReader(SMALL);
            assertThat(reader.read(ByteBuffer.wrap(bytes("a1 NO")))).isNull();
            assertThat(reader.hasPartialInput()).isTrue();
            assertThat(describe(reader.read(ByteBuffer.wrap(bytes("OP\r\n"))))).isEqualTo("CMD a1 NOOP");
        }
    }

    @Nested
    class Literals {

        @Test
        void aSynchronizingLiteralAsksForAContinuationFirst() {
            assertThat(runEverywhere(SMALL, "a1 LOGIN {4}\r\nfred {6}\r\nsecret\r\n")).containsExactly(
                    "CONT a1 LOGIN 4", "CONT a1 LOGIN 6", "CMD a1 LOGIN {4}[fred] {6}[secret]");
        }

        @Test
        void aNonSynchronizingLiteralNeedsNoContinuation() {
            // RFC 7888 §3 example
            assertThat(runEverywhere(SMALL, "A001 LOGIN {11+}\r\nFRED FOOBAR {7+}\r\nfat man\r\n"))
                    .containsExactly("CMD A001 LOGIN {11+}[FRED FOOBAR] {7+}[fat man]");
        }

        @Test
        void aLiteral8IsBinaryAndMayCarryNul() {
            assertThat(runEverywhere(SMALL, "a APPEND INBOX ~{3}\r\na\0b\r\n"))
                    .containsExactly("CONT a APPEND 3", "CMD a APPEND INBOX ~{3}[a\0b]b");
        }

        @Test
        void aNulInAPlainLiteralIsReported() {
            assertThat(run(SMALL, "a APPEND INBOX {3+}\r\na\0b\r\n")).containsExactly("CMD a APPEND INBOX {3+}[a\0b]0");
        }

        @Test
        void anEmptyLiteralIsComplete() {
            assertThat(runEverywhere(SMALL, "a LOGIN {0}\r\n {0+}\r\n\r\n"))
                    .containsExactly("CONT a LOGIN 0", "CMD a LOGIN {0}[] {0+}[]");
        }

        @Test
        void literalDataMayContainLineEndsAndBraces() {
            assertThat(runEverywhere(SMALL, "a APPEND INBOX {13+}\r\nx\r\ny {3}\r\nz\r\n\r\nb NOOP\r\n"))
                    .containsExactly("CMD a APPEND INBOX {13+}[x\r\ny {3}\r\nz\r\n]", "CMD b NOOP");
        }

        @Test
        void anAnnouncementInsideAQuotedStringIsNotALiteral() {
            assertThat(runEverywhere(SMALL, "a LOGIN \"fred {5}\r\nb NOOP\r\n"))
                    .containsExactly("CMD a LOGIN \"fred {5}", "CMD b NOOP");
        }

        @Test
        void anEscapedQuoteDoesNotEndTheQuotedString() {
            assertThat(run(SMALL, "a LOGIN \"x\\\" {5}\r\nb NOOP\r\n"))
                    .containsExactly("CMD a LOGIN \"x\\\" {5}", "CMD b NOOP");
            assertThat(run(SMALL, "a LOGIN \"x\\\\\" {5+}\r\nhello\r\n"))
                    .containsExactly("CMD a LOGIN \"x\\\\\" {5+}[hello]");
        }

        @Test
        void somethingAfterTheClosingBraceMeansNoLiteral() {
            assertThat(run(SMALL, "a LOGIN {5} x\r\nb NOOP\r\n")).containsExactly("CMD a LOGIN {5} x", "CMD b NOOP");
            assertThat(run(SMALL, "a LOGIN {}\r\n{+}\r\n{5++}\r\n{x}\r\n"))
                    .containsExactly("CMD a LOGIN {}", "CMD {+}", "CMD {5++}", "CMD {x}");
        }

        @Test
        void theLiteralAnnouncementMayHaveLeadingZeros() {
            assertThat(run(SMALL, "a LOGIN {003+}\r\nabc x\r\n")).containsExactly("CMD a LOGIN {003+}[abc] x");
        }

        @Test
        void literalsAboveTheStringLimitOfAnAppendGoToTheSpool() throws IOException {
            List<Long> opened = new ArrayList<>();
            ByteArrayOutputStream spooled = new ByteArrayOutputStream();
            LiteralSpool spool = size -> {
                opened.add(size);
                return new LiteralSpool.Sink() {
                    @Override
                    public void write(ByteBuffer octets) {
                        while (octets.hasRemaining()) spooled.write(octets.get());
                    }

                    @Override
                    public Literal.Data finish() {
                        return new Literal.InMemory(spooled.toByteArray());
                    }

                    @Override
                    public void discard() {
                    }
                };
            };
            String message = "Subject: hi\r\n\r\n" + "x".repeat(100) + "\r\n";
            RequestReader reader = new RequestReader(SMALL, spool);
            List<String> events = run(reader, List.of(bytes("a APPEND INBOX {" + message.length() + "+}\r\n" + message + "\r\n")));
            assertThat(events).containsExactly("CMD a APPEND INBOX {" + message.length() + "+}[" + message + "]");
            assertThat(opened).containsExactly((long) message.length());
            assertThat(spooled.toString(StandardCharsets.ISO_8859_1)).isEqualTo(message);
        }

        @Test
        void aFailingSpoolClosesTheReader() {
            RequestReader reader = new RequestReader(SMALL, size -> {
                throw new IOException("disk full");
            });
            assertThatThrownBy(() -> reader.read(ByteBuffer.wrap(bytes("a APPEND INBOX {60+}\r\nFrom: x"))))
                    .isInstanceOf(IOException.class).hasMessage("disk full");
            assertThatThrownBy(() -> reader.read(ByteBuffer.wrap(bytes("b NOOP\r\n")))).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void closeReleasesSpooledLiteralsOfAPartialCommand() throws IOException {
            AtomicInteger released = new AtomicInteger();
            AtomicInteger discarded = new AtomicInteger();
            LiteralSpool spool = size -> new LiteralSpool.Sink() {
                @Override
                public void write(ByteBuffer octets) {
                    octets.position(octets.limit());
                }

                @Override
                public Literal.Data finish() {
                    return new Literal.Data() {
                        @Override
                        public long size() {
                            return size;
                        }

                        @Override
                        public InputStream openStream() {
                            return InputStream.nullInputStream();
                        }

                        @Override
                        public void release() {
                            released.incrementAndGet();
                        }
                    };
                }

                @Override
                public void discard() {
                    discarded.incrementAndGet();
                }
            };
            RequestReader reader = new RequestReader(SMALL, spool);
            reader.read(ByteBuffer.wrap(bytes("a APPEND INBOX {60+}\r\n" + "x".repeat(60) + " {60+}\r\nxx")));
            reader.close();
            assertThat(released).hasValue(1);
            assertThat(discarded).hasValue(1);
        }
    }

    @Nested
    class LiteralLimits {

        @Test
        void aHugeSynchronizingLiteralIsRefusedAtOnceWithoutAllocating() {
            RequestReader reader = new RequestReader(ReaderLimits.DEFAULT, NO_SPOOL);
            assertThat(run(reader, List.of(bytes("a APPEND INBOX {4294967295}\r\nb NOOP\r\n")))).containsExactly(
                    "REFUSED a NO [TOOBIG] Message larger than 52428800 octets", "CMD b NOOP");
        }

        @Test
        void anAbsurdlyLongSizeIsRefusedLikeAHugeOne() {
            RequestReader reader = new RequestReader(ReaderLimits.DEFAULT, NO_SPOOL);
            assertThat(run(reader, List.of(bytes("a APPEND INBOX {99999999999999999999999999}\r\nb NOOP\r\n"))))
                    .containsExactly("REFUSED a NO [TOOBIG] Message larger than 52428800 octets", "CMD b NOOP");
        }

        @Test
        void aTooLargeLiteralOutsideAppendIsABad() {
            assertThat(runEverywhere(SMALL, "a LOGIN {51}\r\nb NOOP\r\n"))
                    .containsExactly("REFUSED a BAD [TOOBIG] Literal larger than 50 octets", "CMD b NOOP");
        }

        @Test
        void aHugeNonSynchronizingLiteralClosesTheConnection() {
            RequestReader reader = new RequestReader(ReaderLimits.DEFAULT, NO_SPOOL);
            assertThat(run(reader, List.of(bytes("a APPEND INBOX {4294967295+}\r\nxxxx"))))
                    .containsExactly("REFUSED a BAD [TOOBIG] Literal larger than 52428800 octets CLOSE");
            assertThatThrownBy(() -> reader.read(ByteBuffer.wrap(bytes("b NOOP\r\n")))).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void aNonSynchronizingLiteralOverTheStringLimitIsSkippedNotExecuted() {
            // the skipped literal holds a command that must never run
            String evil = "x DELETE INBOX\r\n" + "y".repeat(44);
            assertThat(runEverywhere(SMALL, "a LOGIN {60+}\r\n" + evil + " pw\r\nb NOOP\r\n"))
                    .containsExactly("REFUSED a BAD [TOOBIG] Literal larger than 50 octets", "CMD b NOOP");
        }

        @Test
        void literalMinusRefusesNonSynchronizingLiteralsOver4096AndSkipsThem() {
            ReaderLimits minus = ReaderLimits.DEFAULT.withLiteralMinus(true);
            String data = "z".repeat(4097);
            assertThat(run(minus, "a APPEND INBOX {4097+}\r\n" + data + "\r\nb NOOP\r\n")).containsExactly(
                    "REFUSED a BAD [TOOBIG] Non-synchronizing literal larger than 4096 octets, use {4097}", "CMD b NOOP");
        }

        @Test
        void literalMinusAcceptsNonSynchronizingLiteralsUpTo4096() {
            ReaderLimits minus = ReaderLimits.DEFAULT.withLiteralMinus(true);
            String data = "z".repeat(4096);
            assertThat(run(minus, "a APPEND INBOX {4096+}\r\n" + data + "\r\n"))
                    .containsExactly("CMD a APPEND INBOX {4096+}[" + data + "]");
            assertThat(run(minus, "a APPEND INBOX {4097}\r\n")).containsExactly("CONT a APPEND 4097");
        }

        @Test
        void literalPlusAcceptsLargeNonSynchronizingLiterals() {
            String data = "z".repeat(5000);
            assertThat(run(ReaderLimits.DEFAULT, "a APPEND INBOX {5000+}\r\n" + data + "\r\n"))
                    .containsExactly("CMD a APPEND INBOX {5000+}[" + data + "]");
        }

        @Test
        void tooManyLiteralsAreRefused() {
            String input = "a LOGIN {1+}\r\na {1+}\r\nb {1+}\r\nc {1+}\r\nd {1+}\r\ne\r\nb NOOP\r\n";
            assertThat(runEverywhere(SMALL, input))
                    .containsExactly("REFUSED a BAD Too many literals in one command", "CMD b NOOP");
        }

        @Test
        void theCallerMayRejectAnAnnouncedLiteral() throws IOException {
            RequestReader reader = new RequestReader(SMALL);
            ByteBuffer in = ByteBuffer.wrap(bytes("a APPEND INBOX {10}\r\n"));
            assertThat(describe(reader.read(in))).isEqualTo("CONT a APPEND 10");
            reader.rejectLiteral();
            assertThat(describe(reader.read(ByteBuffer.wrap(bytes("b NOOP\r\n"))))).isEqualTo("CMD b NOOP");
        }

        @Test
        void aRejectedLiteralNeverTouchesTheSpool() throws IOException {
            RequestReader reader = new RequestReader(SMALL, NO_SPOOL);
            assertThat(describe(reader.read(ByteBuffer.wrap(bytes("a APPEND INBOX {5000}\r\n"))))).isEqualTo("CONT a APPEND 5000");
            reader.rejectLiteral();
            assertThat(reader.hasPartialInput()).isFalse();
        }

        @Test
        void rejectingWithoutAnAnnouncedLiteralIsAnError() throws IOException {
            RequestReader reader = new RequestReader(SMALL);
            assertThatThrownBy(reader::rejectLiteral).isInstanceOf(IllegalStateException.class);
            reader.read(ByteBuffer.wrap(bytes("a LOGIN {3}\r\n")));
            reader.read(ByteBuffer.wrap(bytes("ab")));
            assertThatThrownBy(reader::rejectLiteral).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void aRefusalWithoutAValidTagIsUntagged() {
            assertThat(run(SMALL, "a+b LOGIN {51}\r\n")).containsExactly("REFUSED * BAD [TOOBIG] Literal larger than 50 octets");
            assertThat(run(SMALL, "a+b LOGIN {5}\r\n")).containsExactly("CONT null LOGIN 5");
        }
    }

    @Nested
    class LineLimits {

        @Test
        void aTooLongLineIsRefusedAndTheNextLineIsReadNormally() {
            String longLine = "a FETCH 1 (" + "FLAGS ".repeat(30) + ")\r\n";
            assertThat(runEverywhere(SMALL, longLine + "b NOOP\r\n"))
                    .containsExactly("REFUSED a BAD Command line too long", "CMD b NOOP");
        }

        @Test
        void theLimitCountsEveryLineOfTheCommandButNotLiteralData() {
            String line = "a LOGIN {40+}\r\n" + "p".repeat(40) + " " + "x".repeat(90) + "\r\nb NOOP\r\n";
            assertThat(run(SMALL, line)).containsExactly("REFUSED a BAD Command line too long", "CMD b NOOP");
            String fits = "a LOGIN {40+}\r\n" + "p".repeat(40) + " " + "x".repeat(70) + "\r\n";
            assertThat(run(SMALL, fits)).hasSize(1).allMatch(e -> e.startsWith("CMD a LOGIN"));
        }

        @Test
        void aTooLongLineEndingInANonSynchronizingLiteralSkipsTheLiteralToo() {
            String input = "a APPEND " + "x".repeat(120) + " {16+}\r\nx DELETE INBOX\r\n\r\nb NOOP\r\n";
            assertThat(runEverywhere(SMALL, input)).containsExactly("REFUSED a BAD Command line too long", "CMD b NOOP");
        }

        @Test
        void aTooLongLineEndingInASynchronizingLiteralEndsTheCommand() {
            // the client got the BAD instead of a continuation and sends no data
            String input = "a APPEND " + "x".repeat(120) + " {16}\r\nb NOOP\r\n";
            assertThat(runEverywhere(SMALL, input)).containsExactly("REFUSED a BAD Command line too long", "CMD b NOOP");
        }

        @Test
        void aQuotedStringInTheSkippedPartStillHidesBraces() {
            String input = "a LOGIN " + "x".repeat(120) + " \"{5+}\r\nb NOOP\r\n";
            assertThat(run(SMALL, input)).containsExactly("REFUSED a BAD Command line too long", "CMD b NOOP");
        }

        @Test
        void aNestingBombIsRefusedAtTheLimitAndSkipped() {
            ReaderLimits limits = new ReaderLimits(1 << 20, 1000, 1000, 4, 32, false);
            String bomb = "a SEARCH " + "(".repeat(500_000) + "ALL" + ")".repeat(500_000) + "\r\nb NOOP\r\n";
            assertThat(run(limits, bomb)).containsExactly("REFUSED a BAD Too many nested parentheses", "CMD b NOOP");
        }

        @Test
        void nestingUpToTheLimitIsFine() {
            String ok = "a SEARCH " + "(".repeat(5) + "ALL" + ")".repeat(5) + "\r\n";
            assertThat(runEverywhere(SMALL, ok)).containsExactly("CMD " + ok.strip());
            String over = "a SEARCH " + "(".repeat(6) + "ALL" + ")".repeat(6) + "\r\n";
            assertThat(runEverywhere(SMALL, over)).containsExactly("REFUSED a BAD Too many nested parentheses");
        }

        @Test
        void parenthesesInsideQuotedStringsDoNotCount() {
            String input = "a SEARCH SUBJECT \"((((((((((\"\r\n";
            assertThat(run(SMALL, input)).containsExactly("CMD " + input.strip());
        }

        @Test
        void nestingCountsAcrossLiterals() {
            String input = "a SEARCH ((( SUBJECT {1+}\r\nx ((( ALL))))))\r\n";
            assertThat(run(SMALL, input)).containsExactly("REFUSED a BAD Too many nested parentheses");
        }
    }

    @Nested
    class BareLines {

        @Test
        void doneIsReadAsABareLine() {
            RequestReader reader = new RequestReader(SMALL);
            ByteBuffer in = ByteBuffer.wrap(bytes("DONE\r\nb NOOP\r\n"));
            assertThat(describe(reader.readLine(in))).isEqualTo("LINE DONE");
            try {
                assertThat(describe(reader.read(in))).isEqualTo("CMD b NOOP");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        @Test
        void aBareLineMayArriveInPieces() {
            RequestReader reader = new RequestReader(SMALL);
            assertThat(reader.readLine(ByteBuffer.wrap(bytes("dGVz")))).isNull();
            assertThat(describe(reader.readLine(ByteBuffer.wrap(bytes("dA==\n"))))).isEqualTo("LINE dGVzdA==");
        }

        @Test
        void anOverlongBareLineIsRefusedOnceItEnds() {
            RequestReader reader = new RequestReader(SMALL);
            assertThat(reader.readLine(ByteBuffer.wrap(bytes("A".repeat(150))))).isNull();
            assertThat(describe(reader.readLine(ByteBuffer.wrap(bytes("AA\r\n"))))).isEqualTo("REFUSED * BAD Line too long");
        }

        @Test
        void aBareLineCannotInterruptACommand() throws IOException {
            RequestReader reader = new RequestReader(SMALL);
            reader.read(ByteBuffer.wrap(bytes("a NO")));
            assertThatThrownBy(() -> reader.readLine(ByteBuffer.wrap(bytes("DONE\r\n")))).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void aCommandCannotInterruptABareLine() {
            RequestReader reader = new RequestReader(SMALL);
            reader.readLine(ByteBuffer.wrap(bytes("DO")));
            assertThatThrownBy(() -> reader.read(ByteBuffer.wrap(bytes("NE\r\n")))).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aLongMixedStreamGivesTheSameEventsHoweverItIsSplit() {
        String stream = "a1 CAPABILITY\r\n"
                + "a2 LOGIN {4}\r\nfred \"se\\\"cret\"\r\n"
                + "a3 APPEND INBOX (\\Seen) {5+}\r\nhello ~{3}\r\nx\0y\r\n"
                + "a4 FETCH 1:* (BODY[HEADER.FIELDS (FROM)])\n"
                + "a5 LOGIN " + "q".repeat(120) + " {7+}\r\nignored\r\n"
                + "a6 SEARCH ((((((ALL))))))\r\n"
                + "a7 LOGIN {51}\r\n"
                + "a8 NOOP\r\n";
        assertThat(runEverywhere(SMALL, stream)).containsExactly(
                "CMD a1 CAPABILITY",
                "CONT a2 LOGIN 4",
                "CMD a2 LOGIN {4}[fred] \"se\\\"cret\"",
                "CONT a3 APPEND 3",
                "CMD a3 APPEND INBOX (\\Seen) {5+}[hello] ~{3}[x\0y]b",
                "CMD a4 FETCH 1:* (BODY[HEADER.FIELDS (FROM)])",
                "REFUSED a5 BAD Command line too long",
                "REFUSED a6 BAD Too many nested parentheses",
                "REFUSED a7 BAD [TOOBIG] Literal larger than 50 octets",
                "CMD a8 NOOP");
    }

    @Test
    void limitsAreValidated() {
        assertThatThrownBy(() -> new ReaderLimits(10, 1, 1, 1, 1, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReaderLimits(100, -1, 1, 1, 1, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReaderLimits(100, 1, 1, 0, 1, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReaderLimits(100, 1, 1, 1, 0, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
