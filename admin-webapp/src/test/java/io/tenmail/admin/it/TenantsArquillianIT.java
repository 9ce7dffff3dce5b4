package io.tenmail.admin.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenants, session and audit resources deployed by Arquillian as a web archive into embedded
 * Jetty 12 (ee10), the way a servlet container would run them, and called over HTTP from the
 * client side.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantsArquillianIT {
    private static final String WEB_XML = """
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <servlet>
                <servlet-name>admin-api</servlet-name>
                <servlet-class>org.glassfish.jersey.servlet.ServletContainer</servlet-class>
                <init-param>
                  <param-name>jakarta.ws.rs.Application</param-name>
                  <param-value>io.tenmail.admin.it.ArquillianAdminApplication</param-value>
                </init-param>
                <load-on-startup>1</load-on-startup>
              </servlet>
              <servlet-mapping>
                <servlet-name>admin-api</servlet-name>
                <url-pattern>/api/v1/*</url-pattern>
              </servlet-mapping>
            </web-app>
            """;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        // The classes come from the test class path; the archive only carries the descriptor.
        return ShrinkWrap.create(WebArchive.class, "admin.war").setWebXML(new StringAsset(WEB_XML));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) throws Exception {
        return HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve("api/v1" + path));
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    @Test
    void tenantIsCreatedAndReadBackInTheDeployedWebApp() throws Exception {
        HttpResponse<String> created = send(request("/tenants")
                .header("Authorization", "Bearer " + ApiFixture.TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Arquillian Ltd\",\"maxAccounts\":5}")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = json(created.body()).getJsonNumber("id").longValue();

        HttpResponse<String> read = send(request("/tenants/" + id).header("Authorization", "Bearer " + ApiFixture.TOKEN));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read.body()).getString("name")).isEqualTo("Arquillian Ltd");
        assertThat(json(read.body()).getJsonNumber("maxAccounts").longValue()).isEqualTo(5);
    }

    @Test
    void tenantsNeedTheTokenInTheDeployedWebAppToo() throws Exception {
        HttpResponse<String> r = send(request("/tenants"));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(json(r.body()).getString("error")).isNotBlank();
    }

    @Test
    void unknownTenantIsAJson404() throws Exception {
        HttpResponse<String> r = send(request("/tenants/424242").header("Authorization", "Bearer " + ApiFixture.TOKEN));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r.body()).getString("error")).contains("424242");
    }

    @Test
    void aConsoleSessionWorksInTheDeployedWebAppAndItsUnsafeRequestsNeedTheCsrfToken() throws Exception {
        HttpResponse<String> login = send(request("/session").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + ApiFixture.TOKEN + "\"}")));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String csrf = json(login.body()).getString("csrfToken");

        assertThat(send(request("/tenants").header("Cookie", cookie)).statusCode()).isEqualTo(200);
        HttpRequest.Builder create = request("/tenants").header("Cookie", cookie).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Via Session Ltd\"}"));
        assertThat(send(create).statusCode()).as("without X-CSRF-Token").isEqualTo(403);
        assertThat(send(request("/tenants").header("Cookie", cookie).header("X-CSRF-Token", csrf).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Via Session Ltd\"}"))).statusCode()).isEqualTo(201);
        HttpResponse<String> audit = send(request("/audit?action=tenant.create&limit=5").header("Cookie", cookie));
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).contains("\"action\":\"tenant.create\"");
    }
}
