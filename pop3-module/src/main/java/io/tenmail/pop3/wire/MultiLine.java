package io.tenmail.pop3.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A positive status line followed by lines and the terminating {@code .} (RFC 1939 §3), for
 * responses small enough to build in memory: CAPA, LIST, UIDL, AUTH's mechanism list.
 */
public record MultiLine(Reply status, List<String> lines) implements Response {

    public MultiLine {
        Objects.requireNonNull(status, "status");
        if (!status.ok()) throw new IllegalArgumentException("a multi-line response starts with +OK");
        lines = List.copyOf(lines);
        for (String line : lines) {
            if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) throw new IllegalArgumentException("line break inside a line");
        }
    }

    /** Status, lines (each byte-stuffed when it starts with '.') and the terminator, in US-ASCII. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + lines.size() * 16);
        out.writeBytes(status.bytes());
        for (String line : lines) {
            if (line.startsWith(".")) out.write('.');   // RFC 1939 §3: byte-stuff the termination octet
            out.writeBytes(line.getBytes(StandardCharsets.US_ASCII));
            out.write('\r');
            out.write('\n');
        }
        out.write('.');
        out.write('\r');
        out.write('\n');
        return out.toByteArray();
    }
}
