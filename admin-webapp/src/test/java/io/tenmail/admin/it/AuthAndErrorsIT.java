package io.tenmail.admin.it;

import io.tenmail.admin.it.ApiFixture.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Authentication, and that every kind of failure answers in the one JSON error shape. */
class AuthAndErrorsIT {
    private static ApiFixture api;

    @BeforeAll
    static void start() {
        api = ApiFixture.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void healthAnswersWithoutAToken() {
        Reply r = api.send("GET", "/health", null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getString("status")).isEqualTo("up");
    }

    @Test
    void requestWithoutTokenIsRefusedWithABearerChallenge() {
        Reply r = api.send("GET", "/tenants", null, null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(r.error()).contains("Bearer");
    }

    @Test
    void requestWithWrongTokenIsRefused() {
        Reply r = api.send("GET", "/tenants", null, "not-the-token");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer").contains("invalid_token");
    }

    @Test
    void tokenWithAnExtraCharacterIsRefused() {
        assertThat(api.send("GET", "/tenants", null, ApiFixture.TOKEN + "x").status()).isEqualTo(401);
        assertThat(api.send("GET", "/tenants", null, ApiFixture.TOKEN.substring(1)).status()).isEqualTo(401);
    }

    @Test
    void changeWithoutTokenIsRefusedAndChangesNothing() {
        String domain = ApiFixture.uniqueDomain();
        assertThat(api.send("POST", "/domains", "{\"name\":\"" + domain + "\"}", null).status()).isEqualTo(401);
        assertThat(api.get("/domains/" + domain).status()).isEqualTo(404);
    }

    @Test
    void basicAuthenticationIsNotAccepted() {
        Reply r = api.send(api.request("/api/v1/tenants").header("Authorization", "Basic YWRtaW46YWRtaW4=").build());
        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        Reply r = api.send(api.request("/api/v1/tenants").header("Authorization", "bearer " + ApiFixture.TOKEN).build());
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void unknownPathUnderTheApiIsAJson404() {
        Reply r = api.get("/no-such-collection");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.error()).contains("not found");
    }

    @Test
    void pathsOutsideTheApiAreJson404s() {
        // "/" itself redirects to the console (ConsoleServingIT)
        for (String path : new String[] {"/nope", "/api", "/api/v2/tenants"}) {
            Reply r = api.send(api.request(path).build());
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.error()).as(path).isNotBlank();
        }
    }

    @Test
    void wrongMethodIsAJson405WithAllowHeader() {
        Reply r = api.send("PATCH", "/tenants", "{}", ApiFixture.TOKEN);
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header("Allow")).contains("GET").contains("POST");
    }

    @Test
    void bodyThatIsNotJsonIsAJson415() {
        Reply r = api.send(api.request("/api/v1/tenants")
                .header("Authorization", "Bearer " + ApiFixture.TOKEN)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("name=x")).build());
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.error()).contains("application/json");
    }

    @Test
    void malformedJsonIsA400() {
        Reply r = api.post("/tenants", "{\"name\": \"acme\",");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("malformed JSON");
    }

    @Test
    void emptyBodyIsA400() {
        Reply r = api.post("/tenants", "");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("body");
    }

    @Test
    void jsonNullBodyIsA400() {
        Reply r = api.post("/tenants", "null");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("body");
    }

    @Test
    void arrayInsteadOfObjectIsA400() {
        assertThat(api.post("/tenants", "[1, 2]").status()).isEqualTo(400);
    }

    @Test
    void fieldOfTheWrongTypeIsA400NamingTheField() {
        Reply r = api.post("/tenants", "{\"name\":\"acme\",\"maxAccounts\":\"many\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("maxAccounts");
    }

    @Test
    void badQueryParameterIsA400NamingIt() {
        Reply r = api.get("/accounts?limit=lots");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).startsWith("limit:");
    }

    @Test
    void encodedSlashInAPathIsRefusedInJson() {
        Reply r = api.send("GET", "/accounts/a%2Fb@example.test", null, ApiFixture.TOKEN);
        assertThat(r.status()).isIn(400, 404);
    }

    @Test
    void garbageRequestLineGetsAJsonError() throws IOException {
        try (Socket s = new Socket("127.0.0.1", api.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nthis is no header\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = readAll(s.getInputStream());
            assertThat(response).startsWith("HTTP/1.1 4");
            assertThat(response).doesNotContain("<html").doesNotContain("Exception").doesNotContain(".java:");
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            if (!body.isEmpty()) assertThat(body).startsWith("{\"error\":");
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        in.transferTo(buf);
        return buf.toString(StandardCharsets.ISO_8859_1);
    }
}
