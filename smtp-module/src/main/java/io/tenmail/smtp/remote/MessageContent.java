package io.tenmail.smtp.remote;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A mail's message as the outbound client sends it, scanned once: its size in octets and
 * whether its header or body has 8-bit octets (which decides BODY=8BITMIME and SMTPUTF8). Small
 * messages are kept in memory, so that several destinations can send them at once; larger ones
 * are written from the {@code MimeMessage} again for each destination, one at a time, because a
 * {@code MimeMessage} is not safe for concurrent use. Thread-safe.
 */
final class MessageContent {
    /** Messages up to this size are kept in memory for the parallel deliveries. */
    static final int IN_MEMORY_LIMIT = 1024 * 1024;

    private final MimeMessage message;
    private final byte[] bytes;
    private final long size;
    private final boolean eightBitHeader;
    private final boolean eightBitBody;

    private MessageContent(MimeMessage message, byte[] bytes, long size, boolean eightBitHeader, boolean eightBitBody) {
        this.message = message;
        this.bytes = bytes;
        this.size = size;
        this.eightBitHeader = eightBitHeader;
        this.eightBitBody = eightBitBody;
    }

    /** Scans the message; keeps a copy when it is at most {@link #IN_MEMORY_LIMIT} octets. */
    static MessageContent of(MimeMessage message) throws MessagingException, IOException {
        Scanner scanner = new Scanner();
        synchronized (message) {
            message.writeTo(scanner);
        }
        byte[] copy = scanner.copy != null ? scanner.copy.toByteArray() : null;
        return new MessageContent(message, copy, scanner.size, scanner.eightBitHeader, scanner.eightBitBody);
    }

    /** The message's size in octets, as RFC 1870's SIZE parameter declares it. */
    long size() {
        return size;
    }

    /** Whether the header has octets above 127 (UTF-8 header fields: RFC 6532, so SMTPUTF8). */
    boolean eightBitHeader() {
        return eightBitHeader;
    }

    /** Whether any octet is above 127. */
    boolean eightBit() {
        return eightBitHeader || eightBitBody;
    }

    /** Writes the message's octets. */
    void writeTo(OutputStream out) throws IOException {
        if (bytes != null) {
            out.write(bytes);
            return;
        }
        synchronized (message) {
            try {
                message.writeTo(out);
            } catch (MessagingException e) {
                throw new IOException("cannot read the message: " + e.getMessage(), e);
            }
        }
    }

    /** Counts, looks for 8-bit octets and the end of the header, and keeps a copy up to the limit. */
    private static final class Scanner extends OutputStream {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        long size;
        boolean eightBitHeader;
        boolean eightBitBody;
        private boolean inBody;
        private int lineLength;

        @Override
        public void write(int b) {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                int c = b[i] & 0xff;
                if (c >= 0x80) {
                    if (inBody) eightBitBody = true;
                    else eightBitHeader = true;
                }
                if (!inBody) {
                    if (c == '\n') {
                        if (lineLength == 0) inBody = true; // the empty line ends the header
                        lineLength = 0;
                    } else if (c != '\r') {
                        lineLength++;
                    }
                }
            }
            size += len;
            if (copy != null) {
                if (size <= IN_MEMORY_LIMIT) copy.write(b, off, len);
                else copy = null;
            }
        }
    }
}
