package io.tenmail.imap.wire.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenmail.imap.wire.ImapSyntaxException;
import io.tenmail.imap.wire.RawCommand;
import io.tenmail.imap.wire.ReaderLimits;
import io.tenmail.imap.wire.RequestReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mangled commands must end in a request or an {@link ImapSyntaxException}: never another
 * exception, which would reach the dispatcher as a server bug. Seeded, so failures reproduce.
 */
class CommandParserRobustnessTest {

    static final String[] CORPUS = {
        "a1 LOGIN {4+}\r\nfred \"se\\\"cret\"",
        "a2 AUTHENTICATE PLAIN AGZyZWQAc2VjcmV0",
        "a3 SELECT &XfJT0ZAB- (QRESYNC (67890007 20050715194045000 41,43:211,214:541 (1:7,10 41,43,45:49)) CONDSTORE)",
        "a4 CREATE Projects/2026/ (USE (\\Drafts \\Sent))",
        "a5 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" (\"%\" \"*/%\") RETURN (CHILDREN STATUS (MESSAGES UNSEEN SIZE))",
        "a6 STATUS INBOX (MESSAGES UIDNEXT HIGHESTMODSEQ APPENDLIMIT DELETED SIZE)",
        "a7 APPEND INBOX (\\Seen $Work) \"17-Jul-1996 02:44:25 -0700\" {5+}\r\nhello UTF8 (~{3+}\r\nx\0y)",
        "a8 UID SEARCH RETURN (MIN MAX COUNT SAVE) CHARSET UTF-8 OR (FROM \"a\" SINCE 1-Feb-1994) NOT (UID $ MODSEQ \"/flags/\\\\seen\" all 5 OLDER 60)",
        "a9 UID SORT RETURN (ALL) (REVERSE DATE SUBJECT) UTF-8 HEADER X-Spam \"yes\" LARGER 100",
        "b1 THREAD REFERENCES UTF-8 SENTSINCE \"1-Jan-2026\" KEYWORD $Junk",
        "b2 UID FETCH 1:*,5 (FLAGS BODY.PEEK[1.2.HEADER.FIELDS.NOT (X-A \"B\")]<0.100> BINARY.PEEK[1]<5.5> BINARY.SIZE[2] MODSEQ) (CHANGEDSINCE 5 VANISHED)",
        "b3 STORE 7,5,9 (UNCHANGEDSINCE 320162338) +FLAGS.SILENT (\\Deleted $Forwarded)",
        "b4 UID MOVE $ Trash",
        "b5 ID (\"name\" \"Foxmail\" \"version\" NIL)",
        "b6 SETQUOTA \"\" (STORAGE 512 MESSAGE 100)",
        "b7 ENABLE CONDSTORE UTF8=ACCEPT",
        "b8 UID EXPUNGE 3000:3002",
        "b9 LSUB \"#news.\" \"comp.mail.*\"",
    };

    static final byte[] INTERESTING = "()[]<>{}~+\"\\ *%$:,.0123456789\r\n\0\u00ffAaNIL".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void mangledCommandsNeverThrowAnythingButSyntaxErrors() throws IOException {
        Random random = new Random(20260301);
        int parsed = 0;
        int refused = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] input = mangle(CORPUS[random.nextInt(CORPUS.length)], random);
            for (RawCommand command : frame(input)) {
                CommandParser parser = new CommandParser();
                parser.setUtf8(random.nextBoolean());
                try {
                    assertThat(parser.parse(command)).isNotNull();
                    parsed++;
                } catch (ImapSyntaxException e) {
                    assertThat(e.response().text()).isNotBlank();
                    refused++;
                } catch (RuntimeException e) {
                    throw new AssertionError("parser threw on " + printable(command.toString()), e);
                }
            }
        }
        assertThat(parsed).isPositive();
        assertThat(refused).isPositive();
    }

    private static byte[] mangle(String command, Random random) {
        List<Byte> bytes = new ArrayList<>();
        for (byte b : command.getBytes(StandardCharsets.UTF_8)) bytes.add(b);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(bytes.size() + 1);
            byte b = INTERESTING[random.nextInt(INTERESTING.length)];
            switch (random.nextInt(3)) {
                case 0 -> bytes.add(at, b);
                case 1 -> {
                    if (at < bytes.size()) bytes.remove(at);
                }
                default -> {
                    if (at < bytes.size()) bytes.set(at, b);
                }
            }
        }
        byte[] out = new byte[bytes.size() + 2];
        for (int i = 0; i < bytes.size(); i++) out[i] = bytes.get(i);
        out[out.length - 2] = '\r';
        out[out.length - 1] = '\n';
        return out;
    }

    /** Every complete command the reader frames from the input (refusals and leftovers dropped). */
    private static List<RawCommand> frame(byte[] input) throws IOException {
        RequestReader reader = new RequestReader(ReaderLimits.DEFAULT);
        ByteBuffer in = ByteBuffer.wrap(input);
        List<RawCommand> commands = new ArrayList<>();
        while (true) {
            RequestReader.Event e = reader.read(in);
            if (e == null) break;
            if (e instanceof RequestReader.Command c) commands.add(c.command());
            if (e instanceof RequestReader.Refused r && r.closeConnection()) break;
        }
        return commands;
    }

    private static String printable(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }
}
