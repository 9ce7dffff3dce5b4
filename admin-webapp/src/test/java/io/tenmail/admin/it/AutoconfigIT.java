package io.tenmail.admin.it;

import io.tenmail.admin.it.ApiFixture.As;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.tenmail.admin.it.ApiFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/** Thunderbird autoconfig, Outlook autodiscover and the Apple profile, over HTTP as the clients fetch them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutoconfigIT {
    private final HttpClient client = HttpClient.newHttpClient();
    private ApiFixture api;
    private String domain;

    @BeforeAll
    void start() {
        api = ApiFixture.start();
        domain = ApiFixture.uniqueDomain();
        api.createDomain(domain);
    }

    @AfterAll
    void stop() {
        if (api != null) api.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thunderbirdFindsItsSettingsAtBothPathsForAHostedDomainOnly() throws Exception {
        for (String path : new String[] {"/.well-known/autoconfig/mail/config-v1.1.xml", "/mail/config-v1.1.xml"}) {
            HttpResponse<String> r = send(api.request(path + "?emailaddress=alice%40" + domain).GET());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
            assertThat(r.body()).contains("<domain>" + domain + "</domain>", "<hostname>mail.example.test</hostname>", "<port>993</port>");
        }
        assertThat(send(api.request("/mail/config-v1.1.xml?emailaddress=alice%40elsewhere.example").GET()).statusCode()).isEqualTo(404);
    }

    @Test
    void outlookAutodiscoverAnswersAPostedRequest() throws Exception {
        String body = "<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006\">"
                + "<Request><EMailAddress>bob@" + domain + "</EMailAddress><AcceptableResponseSchema>"
                + "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>"
                + "</Request></Autodiscover>";
        for (String path : new String[] {"/autodiscover/autodiscover.xml", "/Autodiscover/Autodiscover.xml"}) {
            HttpResponse<String> r = send(api.request(path).header("Content-Type", "text/xml")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).contains("<Server>mail.example.test</Server>", "<LoginName>bob@" + domain + "</LoginName>");
        }
        assertThat(send(api.request("/autodiscover/autodiscover.xml").POST(HttpRequest.BodyPublishers.ofString("<x/>"))).statusCode())
                .isEqualTo(400);
    }

    @Test
    void aUserDownloadsAnAppleProfileForTheirOwnAccount() throws Exception {
        String address = "carol@" + domain;
        api.createAccount(address);
        As session = api.login(address, PASSWORD);
        HttpResponse<String> r = send(api.request("/api/v1/self/mobileconfig").header("Cookie", session.cookie()).GET());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-apple-aspen-config");
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("carol.mobileconfig");
        assertThat(r.body()).contains("<string>" + address + "</string>", "com.apple.mail.managed");
    }

    @Test
    void aDomainListsTheDnsRecordsItShouldPublish() {
        ApiFixture.Reply r = api.get("/domains/" + domain + "/dns");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.array()).extracting(v -> v.asJsonObject().getString("type") + " " + v.asJsonObject().getString("name") + " "
                        + v.asJsonObject().getString("value"))
                .contains("MX " + domain + ". 10 mail.example.test.", "TXT " + domain + ". v=spf1 mx ~all",
                        "CNAME autoconfig." + domain + ". mail.example.test.", "SRV _imaps._tcp." + domain + ". 0 1 993 mail.example.test.",
                        "SRV _submissions._tcp." + domain + ". 0 1 465 mail.example.test.");
        assertThat(api.get("/domains/unknown.example/dns").status()).isEqualTo(404);
    }
}
