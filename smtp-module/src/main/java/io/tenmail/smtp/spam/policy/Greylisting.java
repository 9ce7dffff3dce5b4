package io.tenmail.smtp.spam.policy;

import io.tenmail.smtp.MailAttributes;
import io.tenmail.smtp.mailet.DataRefusal;
import io.tenmail.smtp.spam.AuthAttributes;
import io.tenmail.storage.SpamPolicies;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.SpamListEntry;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import org.apache.james.core.MailAddress;
import org.apache.mailet.AttributeName;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Greylisting (RFC 6647), in the "smtp-data" processor behind {@code SpamCheckEnabled=greylisting}
 * (off by default per domain). The triplet is the client's network (IPv4 /24, IPv6 /64: big
 * senders retry from a neighbouring address), the envelope sender and one recipient. A triplet
 * first seen less than {@code delaySeconds} (300) ago is answered {@code 451 4.7.1}; a retry
 * after the delay passes, and the triplet is remembered {@code memoryDays} (36) after it was last
 * seen, so regular correspondents are delayed once. Every recipient's triplet is recorded on
 * each attempt, so the retry passes for all of them together. Skipped: trusted clients
 * (authenticated, loopback), senders a recipient's lists allow, recipients whose domain has
 * greylisting off. A store failure lets the mail pass.
 */
public class Greylisting extends GenericMailet {
    private static final Logger log = LoggerFactory.getLogger(Greylisting.class);

    private final SpamPolicies policies;
    private final Recipients recipients;
    private final SpamClock clock;
    private Duration delay;
    private Duration memory;

    @Inject
    public Greylisting(SpamPolicies policies, SpamClock clock) {
        this.policies = policies;
        this.recipients = new Recipients(policies);
        this.clock = clock;
    }

    @Override
    public void init() throws MessagingException {
        delay = Duration.ofSeconds(positive("delaySeconds", 300));
        memory = Duration.ofDays(positive("memoryDays", 36));
    }

    private long positive(String name, long fallback) throws MessagingException {
        String value = getInitParameter(name);
        if (value == null || value.isBlank()) return fallback;
        try {
            long v = Long.parseLong(value.strip());
            if (v < 0) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new MessagingException("Greylisting: " + name + " must be a whole number of at least 0, not \"" + value + "\"");
        }
    }

    @Override
    public void service(Mail mail) {
        if (AuthAttributes.trusted(mail)) return;
        Optional<String> network = network(mail);
        if (network.isEmpty()) return;
        Instant now = clock.now();
        String sender = Recipients.sender(mail).orElse("<>").toLowerCase(Locale.ROOT);
        Instant latestRelease = null;
        for (MailAddress r : mail.getRecipients()) {
            if (!recipients.policy(r).greylisting()) continue;
            if (recipients.listed(r, mail).filter(k -> k == SpamListEntry.Kind.ALLOW).isPresent()) continue;
            Instant first;
            try {
                first = policies.greylistSighting(key(network.get(), sender, r.asString().toLowerCase(Locale.ROOT)), now, memory);
            } catch (StoreException | RuntimeException e) {
                log.warn("greylisting cannot reach its store; {} passes: {}", mail.getName(), e.getMessage());
                return;
            }
            Instant release = first.plus(delay);
            if (now.isBefore(release) && (latestRelease == null || release.isAfter(latestRelease))) latestRelease = release;
        }
        if (latestRelease != null) {
            long wait = Math.max(1, Duration.between(now, latestRelease).toSeconds());
            DataRefusal.refuse(mail, 451, "4.7.1", "Greylisted, please try again in " + wait + " seconds");
        }
    }

    /** The client's /24 (IPv4) or /64 (IPv6), as text; empty when the address is unknown. */
    static Optional<String> network(Mail mail) {
        String client = mail.getAttribute(AttributeName.of(MailAttributes.CLIENT_ADDRESS))
                .map(a -> String.valueOf(a.getValue().value())).orElse(mail.getRemoteAddr());
        if (client == null || client.isBlank()) return Optional.empty();
        try {
            byte[] a = InetAddress.getByName(client.strip()).getAddress();   // a literal: no DNS query
            int keep = a.length == 4 ? 3 : 8;
            byte[] net = new byte[a.length];
            System.arraycopy(a, 0, net, 0, keep);
            return Optional.of(InetAddress.getByAddress(net).getHostAddress() + "/" + keep * 8);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** A hash, so that the table holds no addresses in clear. */
    static String key(String network, String sender, String recipient) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((network + "\n" + sender + "\n" + recipient).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String getMailetInfo() {
        return "greylisting (RFC 6647): 451 4.7.1 for a new client network/sender/recipient triplet";
    }
}
