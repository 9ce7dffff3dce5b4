package io.tenmail.admin.autoconfig;

import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.EmailAddress;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Outlook autodiscover (POX): {@code POST /autodiscover/autodiscover.xml} (also the capitalised
 * path Outlook uses) with an {@code <Autodiscover><Request><EMailAddress>} body, answered with IMAP
 * and SMTP settings for an address in a domain hosted here (404 for any other). The body is read
 * up to {@value #MAX_BODY} bytes and parsed without DTDs or external entities.
 */
public final class AutodiscoverServlet extends HttpServlet {
    private static final Logger log = LoggerFactory.getLogger(AutodiscoverServlet.class);
    static final int MAX_BODY = 16 * 1024;
    private final transient DirectoryAdmin directory;
    private final transient ClientConfigs configs;

    public AutodiscoverServlet(DirectoryAdmin directory, ClientConfigs configs) {
        this.directory = directory;
        this.configs = configs;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            Replies.text(response, 413, "request too large");
            return;
        }
        Optional<EmailAddress> address = ClientConfigs.requestedAddress(body).flatMap(AutodiscoverServlet::parse);
        if (address.isEmpty()) {
            Replies.text(response, 400, "expected an Autodiscover request with an EMailAddress");
            return;
        }
        try {
            if (directory.findDomain(address.get().domain()).isEmpty()) {
                Replies.text(response, 404, "no mail domain " + address.get().domain() + " here");
                return;
            }
        } catch (StoreException e) {
            log.warn("autodiscover for {} failed: {}", address.get().domain(), e.getMessage());
            Replies.text(response, 503, "try again later");
            return;
        }
        Replies.xml(response, "text/xml", configs.outlook(address.get()).getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<EmailAddress> parse(String s) {
        try {
            return Optional.of(EmailAddress.parse(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
