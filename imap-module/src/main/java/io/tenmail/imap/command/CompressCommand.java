package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.wire.ResponseCode;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.CompressRequest;

import java.io.IOException;

/**
 * COMPRESS: RFC 4978 §3. Only DEFLATE exists; a second COMPRESS gets {@code NO
 * [COMPRESSIONACTIVE]}. The tagged OK (after any pending untagged updates) is the last response
 * sent uncompressed. A client must wait for that OK before it sends compressed data: input
 * pipelined after the command is refused with BAD, because it would already be past the
 * decompressor.
 */
final class CompressCommand extends BaseCommand<CompressRequest> {
    private final Completion completion;

    CompressCommand(Completion completion) {
        super(ImapCommand.COMPRESS, CompressRequest.class);
        this.completion = completion;
    }

    @Override
    public StatusResponse handle(ImapSession session, CompressRequest request) throws IOException {
        if (!request.algorithm().equals("DEFLATE")) {
            return StatusResponse.bad(request.tag(), "Unknown compression algorithm " + request.algorithm());
        }
        if (session.connection().isCompressed()) {
            return StatusResponse.no(request.tag(), ResponseCode.COMPRESSIONACTIVE, "DEFLATE is already active");
        }
        if (session.hasPipelinedInput()) {
            return StatusResponse.bad(request.tag(), "Wait for the response to COMPRESS before sending more");
        }
        completion.complete(session, request, StatusResponse.ok(request.tag(), "DEFLATE active"));
        session.startCompression();
        return null;
    }
}
