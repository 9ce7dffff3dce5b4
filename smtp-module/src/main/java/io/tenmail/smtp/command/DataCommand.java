package io.tenmail.smtp.command;

import io.tenmail.smtp.session.PendingInput;
import io.tenmail.smtp.session.SmtpSession;
import io.tenmail.smtp.wire.DataReader;
import io.tenmail.smtp.wire.Replies;
import io.tenmail.smtp.wire.SmtpCommandLine;
import io.tenmail.smtp.wire.SmtpVerb;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * DATA: RFC 5321 §4.1.1.4. After 354 the bytes go to a {@link DataReader} (dot-unstuffing, only
 * {@code <CRLF>.<CRLF>} ends the data, the size limit enforced while streaming, bare CR/LF
 * handled as ADR 0005 says) and from it to the transaction's spool; at the end {@link
 * MessageIntake} queues the message and replies.
 */
final class DataCommand implements SmtpCommandHandler {

    private final MessageIntake intake;

    DataCommand(MessageIntake intake) {
        this.intake = Objects.requireNonNull(intake, "intake");
    }

    @Override
    public SmtpVerb verb() {
        return SmtpVerb.DATA;
    }

    @Override
    public void handle(SmtpSession session, SmtpCommandLine line) {
        DataReader reader = new DataReader(session.openContent(), session.settings().maxMessageSizeBytes(),
                session.settings().bareLineEndings());
        session.expect(new MessageInput(reader));
        session.reply(Replies.START_MAIL_INPUT);
    }

    /** The message after 354, up to and including the end-of-data line. */
    private final class MessageInput implements PendingInput {
        private final DataReader reader;

        MessageInput(DataReader reader) {
            this.reader = reader;
        }

        @Override
        public boolean consume(SmtpSession session, ByteBuffer in) {
            if (!reader.feed(in)) return false;
            session.inputComplete();
            intake.complete(session, reader.result(), SmtpVerb.DATA);
            return true;
        }
    }
}
