package io.tenmail.smtp.mailet;

import io.tenmail.smtp.MailAttributes;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.QueuedRecipient;
import jakarta.mail.internet.AddressException;
import org.apache.james.core.MailAddress;
import org.apache.mailet.DsnParameters;
import org.apache.mailet.DsnParameters.Notify;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * RFC 3461 parameters between the queue's strings (NOTIFY "FAILURE,DELAY", ORCPT "rfc822;a@b",
 * RET and ENVID attributes) and the Mailet API's {@link DsnParameters}.
 */
public final class EnvelopeDsn {

    private EnvelopeDsn() {
    }

    /** The DSN parameters of a queued mail, empty when SMTP recorded none. */
    public static Optional<DsnParameters> of(Map<String, String> attributes, List<QueuedRecipient> recipients) {
        DsnParameters.Builder b = DsnParameters.builder();
        Optional.ofNullable(attributes.get(MailAttributes.DSN_ENVID)).ifPresent(e -> b.envId(DsnParameters.EnvId.of(e)));
        Optional.ofNullable(attributes.get(MailAttributes.DSN_RET)).flatMap(DsnParameters.Ret::parse).ifPresent(b::ret);
        for (QueuedRecipient r : recipients) {
            Optional<EnumSet<Notify>> notify = r.dsnNotify().map(EnvelopeDsn::notify);
            Optional<MailAddress> orcpt = r.orcpt().flatMap(EnvelopeDsn::orcptAddress);
            if (notify.isPresent() || orcpt.isPresent()) {
                DsnParameters.RecipientDsnParameters.of(notify, orcpt)
                        .ifPresent(p -> b.addRcptParameter(MailAddresses.toMailAddress(r.address()), p));
            }
        }
        return b.build();
    }

    private static EnumSet<Notify> notify(String value) {
        EnumSet<Notify> set = EnumSet.noneOf(Notify.class);
        for (String word : value.split(",")) {
            if (!word.isBlank()) set.add(Notify.valueOf(word.trim().toUpperCase(Locale.ROOT)));
        }
        return set;
    }

    /** RFC 3461 §4.2: only "rfc822" ORCPTs name an address the Mailet API can hold. */
    static Optional<MailAddress> orcptAddress(String orcpt) {
        int semicolon = orcpt.indexOf(';');
        if (semicolon < 0 || !orcpt.substring(0, semicolon).trim().equalsIgnoreCase("rfc822")) return Optional.empty();
        try {
            return Optional.of(new MailAddress(orcpt.substring(semicolon + 1).trim()));
        } catch (AddressException e) {
            return Optional.empty();
        }
    }

    /** The queue's record of a pending recipient, with its NOTIFY and ORCPT from {@code dsn}. */
    public static QueuedRecipient toQueued(MailAddress recipient, Optional<DsnParameters> dsn, Optional<String> lastError) {
        Optional<DsnParameters.RecipientDsnParameters> p = dsn.map(d -> d.getRcptParameters().get(recipient));
        Optional<String> notify = p.flatMap(DsnParameters.RecipientDsnParameters::getNotifyParameter)
                .filter(n -> !n.isEmpty())
                .map(n -> n.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        Optional<String> orcpt = p.flatMap(DsnParameters.RecipientDsnParameters::getOrcptParameter).map(a -> "rfc822;" + a.asString());
        EmailAddress address = MailAddresses.toEmailAddress(recipient);
        return new QueuedRecipient(address, QueuedRecipient.State.PENDING, notify, orcpt, lastError);
    }
}
