package io.tenmail.admin.autoconfig;

import io.tenmail.storage.model.EmailAddress;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * The documents mail clients read to set themselves up, built from {@link MailEndpoints}:
 * Thunderbird's autoconfig (clientConfig 1.1), Outlook's POX autodiscover (the 2006 "outlook"
 * schemas) and an Apple configuration profile. Implicit TLS comes first everywhere (RFC 8314
 * §4.1 prefers it over STARTTLS); the user name is always the full address. Pure functions.
 */
public final class ClientConfigs {
    private final MailEndpoints mail;

    public ClientConfigs(MailEndpoints mail) {
        this.mail = mail;
    }

    /** Thunderbird autoconfig for a hosted domain (https://wiki.mozilla.org/Thunderbird:Autoconfiguration:ConfigFileFormat). */
    public String thunderbird(String domain) {
        String d = xml(domain);
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <clientConfig version="1.1">
                  <emailProvider id="%1$s">
                    <domain>%1$s</domain>
                    <displayName>%1$s</displayName>
                    <displayShortName>%1$s</displayShortName>
                %2$s%3$s%4$s%5$s%6$s%7$s  </emailProvider>
                </clientConfig>
                """.formatted(d,
                server("incomingServer", "imap", mail.imaps(), "SSL"),
                server("incomingServer", "imap", mail.imap(), "STARTTLS"),
                server("incomingServer", "pop3", mail.pop3s(), "SSL"),
                server("incomingServer", "pop3", mail.pop3(), "STARTTLS"),
                server("outgoingServer", "smtp", mail.smtps(), "SSL"),
                server("outgoingServer", "smtp", mail.submission(), "STARTTLS"));
    }

    private String server(String element, String type, int port, String socketType) {
        return """
                    <%1$s type="%2$s">
                      <hostname>%3$s</hostname>
                      <port>%4$d</port>
                      <socketType>%5$s</socketType>
                      <authentication>password-cleartext</authentication>
                      <username>%%EMAILADDRESS%%</username>
                    </%1$s>
                """.formatted(element, type, xml(mail.hostname()), port, socketType);
    }

    /** Outlook autodiscover (POX) settings for an address: IMAP and SMTP over implicit TLS. */
    public String outlook(EmailAddress address) {
        String login = xml(address.toString());
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
                  <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
                    <Account>
                      <AccountType>email</AccountType>
                      <Action>settings</Action>
                      <Protocol>
                        <Type>IMAP</Type>
                        <Server>%1$s</Server>
                        <Port>%2$d</Port>
                        <DomainRequired>off</DomainRequired>
                        <LoginName>%4$s</LoginName>
                        <SPA>off</SPA>
                        <SSL>on</SSL>
                        <AuthRequired>on</AuthRequired>
                      </Protocol>
                      <Protocol>
                        <Type>SMTP</Type>
                        <Server>%1$s</Server>
                        <Port>%3$d</Port>
                        <DomainRequired>off</DomainRequired>
                        <LoginName>%4$s</LoginName>
                        <SPA>off</SPA>
                        <SSL>on</SSL>
                        <AuthRequired>on</AuthRequired>
                        <UsePOPAuth>on</UsePOPAuth>
                      </Protocol>
                    </Account>
                  </Response>
                </Autodiscover>
                """.formatted(xml(mail.hostname()), mail.imaps(), mail.smtps(), login);
    }

    /**
     * An Apple configuration profile (com.apple.mail.managed) for one account, without its
     * password (the device asks). UUIDs are derived from the address and host, so downloading it
     * again replaces the installed profile instead of adding a second one.
     */
    public String appleProfile(EmailAddress address, String displayName) {
        String a = xml(address.toString());
        String name = xml(displayName == null || displayName.isBlank() ? address.toString() : displayName);
        String host = xml(mail.hostname());
        String id = "io.tenmail." + mail.hostname() + "." + address.key();
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
                <plist version="1.0">
                <dict>
                  <key>PayloadContent</key>
                  <array>
                    <dict>
                      <key>EmailAccountDescription</key><string>%1$s</string>
                      <key>EmailAccountName</key><string>%2$s</string>
                      <key>EmailAccountType</key><string>EmailTypeIMAP</string>
                      <key>EmailAddress</key><string>%1$s</string>
                      <key>IncomingMailServerAuthentication</key><string>EmailAuthPassword</string>
                      <key>IncomingMailServerHostName</key><string>%3$s</string>
                      <key>IncomingMailServerPortNumber</key><integer>%4$d</integer>
                      <key>IncomingMailServerUseSSL</key><true/>
                      <key>IncomingMailServerUsername</key><string>%1$s</string>
                      <key>OutgoingMailServerAuthentication</key><string>EmailAuthPassword</string>
                      <key>OutgoingMailServerHostName</key><string>%3$s</string>
                      <key>OutgoingMailServerPortNumber</key><integer>%5$d</integer>
                      <key>OutgoingMailServerUseSSL</key><true/>
                      <key>OutgoingMailServerUsername</key><string>%1$s</string>
                      <key>OutgoingPasswordSameAsIncomingPassword</key><true/>
                      <key>PayloadDescription</key><string>Email account %1$s</string>
                      <key>PayloadDisplayName</key><string>%1$s</string>
                      <key>PayloadIdentifier</key><string>%6$s.mail</string>
                      <key>PayloadType</key><string>com.apple.mail.managed</string>
                      <key>PayloadUUID</key><string>%7$s</string>
                      <key>PayloadVersion</key><integer>1</integer>
                    </dict>
                  </array>
                  <key>PayloadDisplayName</key><string>%1$s</string>
                  <key>PayloadIdentifier</key><string>%6$s</string>
                  <key>PayloadRemovalDisallowed</key><false/>
                  <key>PayloadType</key><string>Configuration</string>
                  <key>PayloadUUID</key><string>%8$s</string>
                  <key>PayloadVersion</key><integer>1</integer>
                </dict>
                </plist>
                """.formatted(a, name, host, mail.imaps(), mail.smtps(), xml(id), uuid(id + ".mail"), uuid(id));
    }

    private static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString().toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * The address in an Outlook autodiscover request ({@code <EMailAddress>}), if the body is such a
     * request. The parser refuses DOCTYPEs and external entities (no XXE), and the caller bounds
     * the body's size.
     */
    public static Optional<String> requestedAddress(byte[] body) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document doc = builder.parse(new ByteArrayInputStream(body));
            NodeList found = doc.getElementsByTagNameNS("*", "EMailAddress");
            if (found.getLength() == 0) return Optional.empty();
            Node n = found.item(0);
            String text = n.getTextContent();
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return Optional.empty();
        }
    }

    /** XML text and attribute escaping. */
    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
