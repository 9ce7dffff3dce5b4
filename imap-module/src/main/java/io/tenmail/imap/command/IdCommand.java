package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.IdRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/** ID: RFC 2971: logs what the client says it is, and names the server. */
final class IdCommand implements CommandHandler<IdRequest> {
    private static final Logger log = LoggerFactory.getLogger(IdCommand.class);

    @Override
    public ImapCommand command() {
        return ImapCommand.ID;
    }

    @Override
    public Class<IdRequest> requestType() {
        return IdRequest.class;
    }

    @Override
    public StatusResponse handle(ImapSession session, IdRequest request) throws IOException {
        if (!request.fields().isEmpty()) {
            String name = request.fields().getOrDefault("name", "");
            String version = request.fields().getOrDefault("version", "");
            session.setClientId((name + " " + version).strip());
            log.info("client id {}", request.fields());
        }
        session.writer().untagged().atom("ID").openList().string("name").string("Tenmail").string("vendor")
                .string("Tenmail").closeList().end();
        return StatusResponse.ok(request.tag(), "ID completed");
    }
}
