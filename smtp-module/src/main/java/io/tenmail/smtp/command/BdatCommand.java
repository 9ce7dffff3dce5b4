package io.tenmail.smtp.command;

import io.tenmail.smtp.session.PendingInput;
import io.tenmail.smtp.session.SmtpSession;
import io.tenmail.smtp.wire.BdatChunk;
import io.tenmail.smtp.wire.BdatReader;
import io.tenmail.smtp.wire.DataResult;
import io.tenmail.smtp.wire.Replies;
import io.tenmail.smtp.wire.SmtpCommandLine;
import io.tenmail.smtp.wire.SmtpVerb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * BDAT: RFC 3030 §2. Exactly the announced number of octets follows each command, without
 * dot-stuffing; each chunk is answered once it is read, the LAST one by {@link MessageIntake}
 * once the message is queued. A chunk that would take the message over the size limit is read
 * and thrown away, then answered 552 5.3.4, and the transaction is over; so is one the
 * dispatcher refuses ({@link ChunkDiscard}): the octets are always consumed, so they can never
 * be taken for commands.
 */
final class BdatCommand implements SmtpCommandHandler {
    private static final Logger log = LoggerFactory.getLogger(BdatCommand.class);

    private final MessageIntake intake;

    BdatCommand(MessageIntake intake) {
        this.intake = Objects.requireNonNull(intake, "intake");
    }

    @Override
    public SmtpVerb verb() {
        return SmtpVerb.BDAT;
    }

    @Override
    public void handle(SmtpSession session, SmtpCommandLine line) {
        BdatChunk chunk = line.bdatChunk();
        BdatReader reader = session.envelope().chunks();
        if (reader == null) {
            reader = new BdatReader(session.openContent(), session.settings().maxMessageSizeBytes());
            session.chunking(reader);
        }
        if (reader.wouldExceedLimit(chunk.size())) {
            log.info("BDAT chunk of {} octets would exceed the size limit", chunk.size());
            intake.abandon(session, reader.result().octets() + chunk.size(), Replies.MESSAGE_TOO_BIG);
            ChunkDiscard.discard(session, chunk.size(), Replies.MESSAGE_TOO_BIG);
            return;
        }
        reader.beginChunk(chunk);
        if (reader.isChunkComplete()) {
            chunkRead(session, chunk, reader);
        } else {
            session.expect(new ChunkInput(chunk, reader));
        }
    }

    private void chunkRead(SmtpSession session, BdatChunk chunk, BdatReader reader) {
        if (reader.isMessageComplete()) {
            intake.complete(session, reader.result(), SmtpVerb.BDAT);
            return;
        }
        DataResult sofar = reader.result();
        if (sofar.outcome() == DataResult.Outcome.SINK_FAILED) {
            intake.complete(session, sofar, SmtpVerb.BDAT);   // answers 451 and ends the transaction
        } else {
            session.reply(Replies.chunkReceived(chunk.size()));
        }
    }

    /** The octets of one accepted chunk. */
    private final class ChunkInput implements PendingInput {
        private final BdatChunk chunk;
        private final BdatReader reader;

        ChunkInput(BdatChunk chunk, BdatReader reader) {
            this.chunk = chunk;
            this.reader = reader;
        }

        @Override
        public boolean consume(SmtpSession session, ByteBuffer in) {
            if (!reader.feed(in)) return false;
            session.inputComplete();
            chunkRead(session, chunk, reader);
            return true;
        }
    }
}
