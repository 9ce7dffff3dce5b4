package io.tenmail.smtp.mailet;

import io.tenmail.storage.BlobStore;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.BlobId;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The stored bytes a queued mail's message is read from, once, when a mailet first asks for it.
 * Shared by the mails a queue entry is split into.
 */
public record MessageSource(BlobStore blobs, BlobId blob, long size) {
    static {
        // jakarta.mail-api 2.1 finds its StreamProvider with a ServiceLoader scan of the class path
        // on every header parse (mail-api issue 861): most of the CPU of reading a message's header.
        // Named here, each look-up is a plain load of an already loaded class.
        System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
    }

    /** The one mail session for parsing; no transport is ever opened through it. */
    static final Session SESSION = Session.getInstance(new Properties());

    /** Opens the stored bytes. */
    public InputStream openStream() throws MessagingException {
        try {
            return blobs.open(blob);
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.TEMPORARY) throw new TemporaryFailure("cannot read message " + blob + ": " + e.getMessage(), e);
            throw new MessagingException("cannot read message " + blob + ": " + e.getMessage(), e);
        }
    }

    /** Parses {@code content} (the stored bytes, or fields prepended to them) and closes it. */
    MimeMessage load(InputStream content) throws MessagingException {
        try (InputStream in = content) {
            return new StoredMimeMessage(SESSION, in);
        } catch (IOException e) {
            throw new TemporaryFailure("cannot read message " + blob + ": " + e.getMessage(), e);
        }
    }

    /**
     * A parsed message whose Message-ID survives {@code saveChanges()}: a mailet that edits a
     * header must not give the mail a new identity (jakarta.mail would).
     */
    static final class StoredMimeMessage extends MimeMessage {
        StoredMimeMessage(Session session, InputStream in) throws MessagingException {
            super(session, in);
        }

        StoredMimeMessage(MimeMessage source) throws MessagingException {
            super(source);
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (getHeader("Message-ID") == null) super.updateMessageID();
        }
    }
}
