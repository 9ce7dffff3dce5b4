package io.tenmail.admin.autoconfig;

import io.tenmail.storage.model.EmailAddress;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ClientConfigsTest {
    private final ClientConfigs configs = new ClientConfigs(new MailEndpoints("Mail.Example.Test", 143, 993, 110, 995, 587, 465));

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String x(Document d, String path) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(path, d);
    }

    @Test
    void thunderbirdGetsImplicitTlsFirstAndTheFullAddressAsUserName() throws Exception {
        Document d = parse(configs.thunderbird("example.test"));
        assertThat(x(d, "/clientConfig/emailProvider/@id")).isEqualTo("example.test");
        assertThat(x(d, "/clientConfig/emailProvider/incomingServer[1]/@type")).isEqualTo("imap");
        assertThat(x(d, "/clientConfig/emailProvider/incomingServer[1]/hostname")).isEqualTo("mail.example.test");
        assertThat(x(d, "/clientConfig/emailProvider/incomingServer[1]/port")).isEqualTo("993");
        assertThat(x(d, "/clientConfig/emailProvider/incomingServer[1]/socketType")).isEqualTo("SSL");
        assertThat(x(d, "/clientConfig/emailProvider/incomingServer[2]/socketType")).isEqualTo("STARTTLS");
        assertThat(x(d, "/clientConfig/emailProvider/incomingServer[3]/@type")).isEqualTo("pop3");
        assertThat(x(d, "/clientConfig/emailProvider/outgoingServer[1]/port")).isEqualTo("465");
        assertThat(x(d, "/clientConfig/emailProvider/outgoingServer[2]/port")).isEqualTo("587");
        assertThat(x(d, "/clientConfig/emailProvider/incomingServer[1]/username")).isEqualTo("%EMAILADDRESS%");
    }

    @Test
    void outlookGetsImapAndSmtpOverTls() throws Exception {
        Document d = parse(configs.outlook(EmailAddress.parse("o'neil@example.test")));
        assertThat(x(d, "//*[local-name()='Protocol'][1]/*[local-name()='Type']")).isEqualTo("IMAP");
        assertThat(x(d, "//*[local-name()='Protocol'][1]/*[local-name()='Port']")).isEqualTo("993");
        assertThat(x(d, "//*[local-name()='Protocol'][2]/*[local-name()='Port']")).isEqualTo("465");
        assertThat(x(d, "//*[local-name()='Protocol'][1]/*[local-name()='LoginName']")).isEqualTo("o'neil@example.test");
    }

    @Test
    void theAppleProfileIsAPlistWithStableUuids() throws Exception {
        String profile = configs.appleProfile(EmailAddress.parse("alice@example.test"), "Alice <A&B>");
        Document d = parse(profile);
        assertThat(x(d, "/plist/dict/array/dict/key[.='IncomingMailServerHostName']/following-sibling::string[1]"))
                .isEqualTo("mail.example.test");
        assertThat(x(d, "/plist/dict/array/dict/key[.='EmailAccountName']/following-sibling::string[1]")).isEqualTo("Alice <A&B>");
        assertThat(profile).isEqualTo(configs.appleProfile(EmailAddress.parse("alice@example.test"), "Alice <A&B>"));
    }

    @Test
    void theAutodiscoverRequestGivesItsAddress() {
        String request = """
                <?xml version="1.0" encoding="utf-8"?>
                <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">
                  <Request><EMailAddress> bob@example.test </EMailAddress>
                  <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>
                  </Request>
                </Autodiscover>""";
        assertThat(ClientConfigs.requestedAddress(request.getBytes(StandardCharsets.UTF_8))).contains("bob@example.test");
        assertThat(ClientConfigs.requestedAddress("not xml".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void anAutodiscoverRequestWithADoctypeIsRefusedSoNoEntityIsEverExpanded() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <Autodiscover><Request><EMailAddress>&x;</EMailAddress></Request></Autodiscover>""";
        assertThat(ClientConfigs.requestedAddress(xxe.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
