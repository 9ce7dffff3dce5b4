package io.tenmail.smtp.spam.signing;

import io.tenmail.smtp.SmtpSettings;
import io.tenmail.storage.DkimKeys;
import io.tenmail.storage.StoreException;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.james.jdkim.DKIMSigner;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.mailet.AttributeName;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.eclipse.microprofile.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Signs outgoing mail with DKIM (RFC 6376 §5) under the key of its RFC 5322.From domain, so that
 * the signature aligns for DMARC: rsa-sha256, relaxed/relaxed canonicalisation, the header fields
 * recipients see and those that change meaning ({@link #SIGNED_HEADERS}; absent ones are signed as
 * empty, so nobody can add them later, §5.4). The DKIM-Signature field goes above the message's
 * bytes, which stay as they were. Mail is signed only when it came from an authenticated client or
 * was made by this server (no client address: bounces, reports), and only when the domain has a
 * key ({@link DkimKeys}: every hosted domain has one, made when it was added or on first use); else it passes unchanged. Put it in front of RemoteDelivery.
 * Thread-safe.
 */
public class DkimSign extends GenericMailet {
    private static final Logger log = LoggerFactory.getLogger(DkimSign.class);
    static final String SIGNED_HEADERS = "from:reply-to:subject:date:to:cc:message-id:in-reply-to:references:"
            + "mime-version:content-type:content-transfer-encoding:list-unsubscribe";

    private final SigningKeys keys;
    private final DkimKeys store;
    private final Optional<DkimKeyFiles> legacyFiles;

    @Inject
    public DkimSign(Config config, DkimKeys keys) {
        this(keys, Optional.of(new DkimKeyFiles(dataDir(config).resolve("dkim"))));
    }

    /** For tests and embedding: keys from {@code keys}, and the key files of older versions to import once, if any. */
    public DkimSign(DkimKeys keys, Optional<DkimKeyFiles> legacyFiles) {
        this.keys = new SigningKeys(keys, Clock.systemUTC());
        this.legacyFiles = legacyFiles;
        this.store = keys;
    }

    private static Path dataDir(Config config) {
        return config.getOptionalValue(SmtpSettings.DATA_DIR, String.class).map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "tenmail"));
    }

    /** Imports the key files of an older version (a no-op for domains that have keys in the database). */
    @Override
    public void init() {
        legacyFiles.ifPresent(files -> files.importInto(store));
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        if (!ours(mail)) return;
        MimeMessage message = mail.getMessage();
        Optional<String> domain = fromDomain(message);
        if (domain.isEmpty()) return;
        Optional<SigningKey> key;
        try {
            key = keys.current(domain.get());
        } catch (StoreException | IllegalArgumentException e) {
            // an unreadable key or an unavailable database: unsigned mail still goes out
            log.error("cannot read the DKIM key of {}: {}", domain.get(), e.getMessage());
            return;
        }
        if (key.isEmpty() || alreadySigned(message, key.get())) return;
        mail.setMessage(signed(message, key.get()));
    }

    /** The message with a DKIM-Signature by {@code key} on top. */
    static MimeMessage signed(MimeMessage message, SigningKey key) throws MessagingException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            message.writeTo(bytes);
            String template = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + key.domain() + "; s=" + key.selector()
                    + "; h=" + SIGNED_HEADERS + "; bh=; b=;";
            String field = new DKIMSigner(template, key.privateKey()).sign(new ByteArrayInputStream(bytes.toByteArray()));
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.size() + field.length() + 2);
            out.write((field + "\r\n").getBytes(StandardCharsets.US_ASCII));
            bytes.writeTo(out);
            Session session = message.getSession() != null ? message.getSession() : Session.getInstance(new Properties());
            return new MimeMessage(session, new ByteArrayInputStream(out.toByteArray()));
        } catch (IOException | FailException e) {
            throw new MessagingException("cannot DKIM-sign for " + key.domain() + ": " + e.getMessage(), e);
        }
    }

    /** A mail resumed after a deferral meets this mailet again: one signature per key is enough. */
    private static boolean alreadySigned(MimeMessage message, SigningKey key) throws MessagingException {
        String[] fields = message.getHeader("DKIM-Signature");
        if (fields == null) return false;
        for (String f : fields) {
            String compact = f.replaceAll("\\s+", "");
            if (compact.contains("d=" + key.domain() + ";") && compact.contains("s=" + key.selector() + ";")) return true;
        }
        return false;
    }

    private static boolean ours(Mail mail) {
        boolean authenticated = attribute(mail, "tenmail.smtp.auth-user").isPresent();
        boolean local = attribute(mail, "tenmail.smtp.client-address").isEmpty()
                && (mail.getRemoteAddr() == null || mail.getRemoteAddr().isBlank());
        return authenticated || local;
    }

    private static Optional<String> attribute(Mail mail, String name) {
        return mail.getAttribute(AttributeName.of(name)).map(a -> String.valueOf(a.getValue().value())).filter(s -> !s.isBlank());
    }

    private static Optional<String> fromDomain(MimeMessage message) throws MessagingException {
        String[] froms = message.getHeader("From");
        if (froms == null || froms.length != 1) return Optional.empty();
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(froms[0], false);
            if (addresses.length != 1 || addresses[0].getAddress() == null) return Optional.empty();
            String address = addresses[0].getAddress();
            int at = address.lastIndexOf('@');
            return at < 0 ? Optional.empty() : Optional.of(address.substring(at + 1).toLowerCase(Locale.ROOT));
        } catch (AddressException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getMailetInfo() {
        return "DKIM signing (RFC 6376)";
    }
}
