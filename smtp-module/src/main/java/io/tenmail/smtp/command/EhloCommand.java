package io.tenmail.smtp.command;

import io.tenmail.protocol.TlsMode;
import io.tenmail.protocol.sasl.SaslLogin;
import io.tenmail.protocol.sasl.SaslPlain;
import io.tenmail.smtp.policy.AuthPolicy;
import io.tenmail.smtp.session.SmtpSession;
import io.tenmail.smtp.wire.EhloResponse;
import io.tenmail.smtp.wire.SmtpCommandLine;
import io.tenmail.smtp.wire.SmtpExtension;
import io.tenmail.smtp.wire.SmtpVerb;

import java.util.List;

/**
 * EHLO: RFC 5321 §4.1.1.1; lists what this connection may use now: STARTTLS until TLS is up, AUTH
 * only once it is ({@link AuthPolicy}), with the pre-RFC 4954 {@code AUTH=} line old Outlook
 * versions look for.
 */
final class EhloCommand implements SmtpCommandHandler {

    static final List<String> MECHANISMS = List.of(SaslPlain.MECHANISM, SaslLogin.MECHANISM);

    @Override
    public SmtpVerb verb() {
        return SmtpVerb.EHLO;
    }

    @Override
    public void handle(SmtpSession session, SmtpCommandLine line) {
        EhloResponse.Builder response = EhloResponse.builder(session.settings().hostname())
                // the client's own name is not echoed: it may be long enough to break the 512-octet reply limit
                .greeting("Hello [" + session.clientAddress().getHostAddress() + "]")
                .size(session.settings().maxMessageSizeBytes())
                .advertise(SmtpExtension.PIPELINING, SmtpExtension.ENHANCED_STATUS_CODES, SmtpExtension.EIGHT_BIT_MIME,
                        SmtpExtension.CHUNKING, SmtpExtension.DSN, SmtpExtension.SMTPUTF8);
        if (session.role().tlsMode() == TlsMode.STARTTLS && !session.isTls()) response.advertise(SmtpExtension.STARTTLS);
        if (AuthPolicy.offered(session)) response.auth(MECHANISMS).legacyAuthLine(true);
        EhloResponse ehlo = response.build();
        session.greeted(line.clientDomain(), true, ehlo.extensions());
        session.reply(ehlo.toReply());
    }
}
