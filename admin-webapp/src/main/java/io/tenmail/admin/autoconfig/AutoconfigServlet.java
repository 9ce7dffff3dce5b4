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
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Thunderbird autoconfig: {@code GET /.well-known/autoconfig/mail/config-v1.1.xml} and
 * {@code GET /mail/config-v1.1.xml} (the latter as served on {@code autoconfig.<domain>}), with
 * {@code ?emailaddress=user@domain}; without it, the domain is taken from the Host header
 * ({@code autoconfig.example.com} means example.com). Only domains hosted here get a document;
 * others get 404, so the server never advertises itself for someone else's domain. No
 * authentication: clients ask before they have credentials.
 */
public final class AutoconfigServlet extends HttpServlet {
    private static final Logger log = LoggerFactory.getLogger(AutoconfigServlet.class);
    private final transient DirectoryAdmin directory;
    private final transient ClientConfigs configs;

    public AutoconfigServlet(DirectoryAdmin directory, ClientConfigs configs) {
        this.directory = directory;
        this.configs = configs;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> domain = domain(request.getParameter("emailaddress"), request.getServerName());
        try {
            if (domain.isEmpty() || directory.findDomain(domain.get()).isEmpty()) {
                Replies.text(response, 404, "no mail domain " + domain.orElse("named") + " here");
                return;
            }
        } catch (StoreException e) {
            log.warn("autoconfig for {} failed: {}", domain.get(), e.getMessage());
            Replies.text(response, 503, "try again later");
            return;
        }
        Replies.xml(response, "application/xml", configs.thunderbird(domain.get()).getBytes(StandardCharsets.UTF_8));
    }

    static Optional<String> domain(String emailAddress, String host) {
        try {
            if (emailAddress != null && !emailAddress.isBlank()) return Optional.of(EmailAddress.parse(emailAddress.strip()).domain());
            if (host == null) return Optional.empty();
            String h = host.toLowerCase(Locale.ROOT);
            if (h.startsWith("autoconfig.")) h = h.substring("autoconfig.".length());
            return Optional.of(EmailAddress.normalizeDomain(h));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
