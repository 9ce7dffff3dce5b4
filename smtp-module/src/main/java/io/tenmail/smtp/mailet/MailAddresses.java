package io.tenmail.smtp.mailet;

import io.tenmail.storage.model.EmailAddress;
import jakarta.mail.internet.AddressException;
import org.apache.james.core.MailAddress;

import java.net.IDN;

/** Conversions between the store's {@link EmailAddress} and the Mailet API's {@link MailAddress}. */
public final class MailAddresses {

    private MailAddresses() {
    }

    /** The Mailet API form; an internationalised domain is given in its ASCII (A-label) form. */
    public static MailAddress toMailAddress(EmailAddress address) {
        try {
            return new MailAddress(address.localPart(), address.domain());
        } catch (AddressException e) {
            try {
                return new MailAddress(address.localPart(), IDN.toASCII(address.domain()));
            } catch (AddressException again) {
                throw new IllegalArgumentException("not an address the Mailet API accepts: " + address, again);
            }
        }
    }

    /** The store's form. */
    public static EmailAddress toEmailAddress(MailAddress address) {
        return new EmailAddress(address.getLocalPart(), address.getDomain().asString());
    }
}
