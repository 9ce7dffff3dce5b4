package io.tenmail.pop3.command;

import io.tenmail.pop3.session.Maildrop;
import io.tenmail.storage.BlobStore;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;

/** Opens a message's bytes for RETR and TOP. */
final class MessageBlobs {
    private static final Logger log = LoggerFactory.getLogger(MessageBlobs.class);

    private MessageBlobs() {
    }

    /**
     * The open blob, or null when it is gone: IMAP expunged the message after this session's login
     * and the blob sweeper removed its bytes. Other failures are thrown.
     */
    static InputStream open(BlobStore blobs, Maildrop.Message message) throws StoreException {
        try {
            return blobs.open(message.blob());
        } catch (StoreException e) {
            if (e.reason() != Reason.NOT_FOUND) throw e;
            log.info("message {} (uid {} of mailbox {}) has no content any more", message.number(), message.uid().value(),
                    message.mailbox().value());
            return null;
        }
    }
}
