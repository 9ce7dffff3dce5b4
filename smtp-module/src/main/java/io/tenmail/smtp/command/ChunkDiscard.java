package io.tenmail.smtp.command;

import io.tenmail.smtp.session.PendingInput;
import io.tenmail.smtp.session.SmtpSession;
import io.tenmail.smtp.wire.Reply;

import java.nio.ByteBuffer;

/**
 * Reads and throws away the octets of a BDAT chunk that was refused (RFC 3030 §2: the chunk
 * follows the command whatever the reply), then sends the refusal, so that nothing in the chunk
 * is ever read as a command.
 */
final class ChunkDiscard implements PendingInput {
    private long remaining;
    private final Reply reply;

    private ChunkDiscard(long remaining, Reply reply) {
        this.remaining = remaining;
        this.reply = reply;
    }

    /** Discards {@code octets} of input, then sends {@code reply}. */
    static void discard(SmtpSession session, long octets, Reply reply) {
        if (octets == 0) {
            session.reply(reply);
        } else {
            session.expect(new ChunkDiscard(octets, reply));
        }
    }

    @Override
    public boolean consume(SmtpSession session, ByteBuffer in) {
        int n = (int) Math.min(in.remaining(), remaining);
        in.position(in.position() + n);
        remaining -= n;
        if (remaining > 0) return false;
        session.inputComplete();
        session.reply(reply);
        return true;
    }
}
