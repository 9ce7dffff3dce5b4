package io.tenmail.storage.mime;

import java.util.ArrayList;
import java.util.List;

/**
 * The boundaries of the multiparts currently open, innermost last. RFC 2046 §5.1.1: a delimiter
 * line is "--" boundary followed only by transport padding (spaces and tabs); the close delimiter
 * adds "--". An outer boundary also ends every inner part, which is how a missing close delimiter
 * is survived.
 */
final class Boundaries {
    /** Which open multipart a line belongs to, and whether it closes it. */
    record Match(int level, boolean close) {
    }

    private final List<byte[]> open = new ArrayList<>();

    /** Opens a multipart; returns its level (0 = outermost). */
    int push(byte[] boundary) {
        open.add(boundary);
        return open.size() - 1;
    }

    void pop() {
        open.remove(open.size() - 1);
    }

    /** The innermost open multipart whose delimiter the line is, or null. */
    Match match(Line line) {
        byte[] c = line.content();
        if (c.length < 3 || c[0] != '-' || c[1] != '-') return null;
        for (int level = open.size() - 1; level >= 0; level--) {
            byte[] b = open.get(level);
            if (!startsWith(c, 2, b)) continue;
            int rest = 2 + b.length;
            if (rest + 2 <= c.length && c[rest] == '-' && c[rest + 1] == '-') {
                return new Match(level, true);
            }
            if (line.isComplete() && onlyPadding(c, rest)) return new Match(level, false);
        }
        return null;
    }

    private static boolean startsWith(byte[] content, int from, byte[] prefix) {
        if (content.length - from < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if (content[from + i] != prefix[i]) return false;
        }
        return true;
    }

    private static boolean onlyPadding(byte[] content, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] != ' ' && content[i] != '\t') return false;
        }
        return true;
    }
}
