package io.tenmail.pop3.wire;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineAssemblerTest {

    private static List<String> feed(LineAssembler assembler, String... pieces) {
        List<String> lines = new ArrayList<>();
        for (String piece : pieces) {
            assembler.feed(ByteBuffer.wrap(piece.getBytes(StandardCharsets.ISO_8859_1)),
                    l -> lines.add(l.tooLong() ? "<too long>" : new String(l.octets(), StandardCharsets.ISO_8859_1)));
        }
        return lines;
    }

    @Test
    void crlfEndsALineAndTheTerminatorIsNotPartOfIt() {
        assertThat(feed(new LineAssembler(100), "USER a\r\nPASS b c\r\n")).containsExactly("USER a", "PASS b c");
    }

    @Test
    void aBareLfIsAcceptedAsALineEnd() {
        assertThat(feed(new LineAssembler(100), "STAT\nLIST\r\n")).containsExactly("STAT", "LIST");
    }

    @Test
    void linesSplitAtEveryByteComeOutTheSame() {
        String input = "USER alice@example.test\r\nPASS secret with spaces\r\nRETR 1\r\n";
        for (int split = 0; split <= input.length(); split++) {
            assertThat(feed(new LineAssembler(100), input.substring(0, split), input.substring(split)))
                    .as("split at %d", split)
                    .containsExactly("USER alice@example.test", "PASS secret with spaces", "RETR 1");
        }
    }

    @Test
    void aPartialLineWaitsForItsEnd() {
        LineAssembler assembler = new LineAssembler(100);
        assertThat(feed(assembler, "NO")).isEmpty();
        assertThat(assembler.buffered()).isEqualTo(2);
        assertThat(feed(assembler, "OP\r\n")).containsExactly("NOOP");
    }

    @Test
    void aLineAtTheLimitIsKeptAndOneOctetMoreIsReportedTooLongAndTheNextLineIsFine() {
        String atLimit = "x".repeat(8);                 // 8 + CRLF = 10
        assertThat(feed(new LineAssembler(10), atLimit + "\r\n")).containsExactly(atLimit);
        assertThat(feed(new LineAssembler(10), atLimit + "y\r\nNOOP\r\n")).containsExactly("<too long>", "NOOP");
    }

    @Test
    void aHugeLineIsDiscardedAsItArrivesWithoutGrowingTheBuffer() {
        LineAssembler assembler = new LineAssembler(64);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1000; i++) lines.addAll(feed(assembler, "a".repeat(1000)));
        assertThat(assembler.buffered()).isZero();
        lines.addAll(feed(assembler, "\r\nQUIT\r\n"));
        assertThat(lines).containsExactly("<too long>", "QUIT");
    }

    @Test
    void clearDiscardsAPartialLine() {
        LineAssembler assembler = new LineAssembler(100);
        feed(assembler, "USER injected");
        assembler.clear();
        assertThat(feed(assembler, "CAPA\r\n")).containsExactly("CAPA");
    }
}
