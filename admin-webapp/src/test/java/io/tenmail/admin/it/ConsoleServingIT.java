package io.tenmail.admin.it;

import io.tenmail.admin.AdminServer;
import io.tenmail.admin.AdminSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's static files: served beside the API, with the headers that keep them safe. */
class ConsoleServingIT {
    private static AdminServer server;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = new AdminServer(new AdminSettings("127.0.0.1", 0), ApiFixture.newBackend(), ApiFixture.TOKEN);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theRootRedirectsToTheConsole() throws Exception {
        HttpResponse<String> root = get("/");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/"));
        assertThat(get("/console").statusCode()).isEqualTo(302);
    }

    @Test
    void theConsolePageComesWithAContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = get("/console/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'"));
        assertThat(page.body()).contains("js/main.js");
    }

    @Test
    void scriptsStylesAndCatalogsHaveTheirTypes() throws Exception {
        assertThat(get("/console/js/views/accounts.js").headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/javascript"));
        assertThat(get("/console/app.css").headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/css"));
        HttpResponse<String> zh = get("/console/i18n/zh-CN.json");
        assertThat(zh.statusCode()).isEqualTo(200);
        assertThat(zh.body()).contains("登录");
    }

    @Test
    void pathsOutsideTheConsoleFolderAreNotFound() throws Exception {
        assertThat(get("/console/../api/v1/health").statusCode()).isIn(400, 404);
        assertThat(get("/console/%2e%2e/AdminServer.class").statusCode()).isIn(400, 404);
        assertThat(get("/console/js/../../ConsoleServlet.class").statusCode()).isIn(400, 404);
        assertThat(get("/console/nothing.js").statusCode()).isEqualTo(404);
        assertThat(get("/console/package-info.java").statusCode()).isEqualTo(404);
    }
}
