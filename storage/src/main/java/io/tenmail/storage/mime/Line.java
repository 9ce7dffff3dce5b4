package io.tenmail.storage.mime;

/**
 * One line of the message as {@link LineReader} saw it.
 *
 * @param index              0-based line number in the message
 * @param start              offset of the line's first byte
 * @param length             bytes in the line, terminator included
 * @param terminator         length of the line terminator: 2 (CRLF), 1 (bare LF) or 0 (last line, none)
 * @param content            the first bytes of the content (terminator excluded), at most
 *                           {@link LineReader#MAX_KEPT}; empty when the reader was not asked to keep it
 * @param previousStart      start of the line before this one, or -1 for the first line
 * @param previousTerminator terminator length of the line before this one
 */
record Line(long index, long start, long length, int terminator, byte[] content, long previousStart,
            int previousTerminator) {

    long end() {
        return start + length;
    }

    long contentLength() {
        return length - terminator;
    }

    boolean isBlank() {
        return length == terminator;
    }

    /** Whether {@link #content} holds the whole content of the line. */
    boolean isComplete() {
        return content.length == contentLength();
    }
}
