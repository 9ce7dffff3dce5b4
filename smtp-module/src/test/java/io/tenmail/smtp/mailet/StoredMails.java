package io.tenmail.smtp.mailet;

import io.tenmail.smtp.MailAttributes;
import io.tenmail.storage.BlobStore;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

import jakarta.mail.internet.AddressException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mails over stored bytes, as the screen at the end of DATA and the spooler hand them to mailets,
 * for tests outside this package (the {@link QueueMail} constructor is the container's own).
 */
public final class StoredMails {
    private StoredMails() {
    }

    /**
     * A mail over {@code blob} from {@code sender} to {@code recipient}, sent by a client at
     * {@code clientAddress} that said {@code helo}, in {@code processor}, with the string
     * attributes of {@code carried} that start with {@code tenmail.spam.} or {@code tenmail.auth.}
     * (what the screen's results carry into the queue); {@code carried} may be null.
     */
    public static QueueMail of(BlobStore blobs, BlobStore.StoredBlob blob, String processor, String sender, String recipient,
                               String clientAddress, String helo, Mail carried) throws AddressException {
        Map<AttributeName, Attribute> attributes = new LinkedHashMap<>();
        put(attributes, MailAttributes.CLIENT_ADDRESS, clientAddress);
        put(attributes, MailAttributes.HELO, helo);
        if (carried != null) {
            carried.attributes().filter(a -> a.getName().asString().startsWith("tenmail.spam.") || a.getName().asString().startsWith("tenmail.auth."))
                    .forEach(a -> attributes.put(a.getName(), a));
        }
        return new QueueMail("S1", processor, new MailAddress(sender), List.of(new MailAddress(recipient)),
                new MessageSource(blobs, blob.id(), blob.size()), attributes, helo, clientAddress, null, new Date());
    }

    private static void put(Map<AttributeName, Attribute> attributes, String name, String value) {
        AttributeName key = AttributeName.of(name);
        attributes.put(key, new Attribute(key, AttributeValue.of(value)));
    }
}
