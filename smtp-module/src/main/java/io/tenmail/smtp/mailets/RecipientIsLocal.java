package io.tenmail.smtp.mailets;

import io.tenmail.smtp.mailet.MailAddresses;
import io.tenmail.storage.Directory;
import io.tenmail.storage.StoreException;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import org.apache.james.core.MailAddress;
import org.apache.mailet.base.GenericRecipientMatcher;

/**
 * Matches the recipients whose mail is delivered here: addresses in our domains that lead to a
 * mailbox ({@link Directory#resolve} says LOCAL). {@code notmatch="RecipientIsLocal"} picks the
 * remote ones.
 */
public class RecipientIsLocal extends GenericRecipientMatcher {
    private final Directory directory;

    @Inject
    public RecipientIsLocal(Directory directory) {
        this.directory = directory;
    }

    @Override
    public boolean matchRecipient(MailAddress recipient) throws MessagingException {
        try {
            return directory.resolve(MailAddresses.toEmailAddress(recipient)).isLocal();
        } catch (StoreException e) {
            throw StoreFailures.of("cannot resolve " + recipient.asString(), e);
        }
    }
}
