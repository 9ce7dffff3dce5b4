package io.tenmail.admin.it;

import io.tenmail.admin.api.AdminApi;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/openapi: an OpenAPI 3.1 document that lists every endpoint, without authentication. */
class OpenApiIT {
    @Test
    void theDocumentListsEveryEndpointOfEveryResource() throws Exception {
        try (ApiFixture api = ApiFixture.start()) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(api.request("/api/openapi").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            JsonObject doc;
            try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
                doc = reader.readObject();
            }
            assertThat(doc.getString("openapi")).isEqualTo("3.1.0");
            JsonObject paths = doc.getJsonObject("paths");
            List<String> missing = new ArrayList<>();
            int endpoints = 0;
            for (Class<?> resource : AdminApi.RESOURCES) {
                String base = "/" + resource.getAnnotation(Path.class).value().replaceAll("^/+", "");
                for (Method m : resource.getDeclaredMethods()) {
                    String verb = m.isAnnotationPresent(GET.class) ? "get" : m.isAnnotationPresent(POST.class) ? "post"
                            : m.isAnnotationPresent(PUT.class) ? "put" : m.isAnnotationPresent(PATCH.class) ? "patch"
                            : m.isAnnotationPresent(DELETE.class) ? "delete" : null;
                    if (verb == null) continue;
                    endpoints++;
                    String path = base + (m.isAnnotationPresent(Path.class) ? "/" + m.getAnnotation(Path.class).value() : "");
                    JsonObject item = paths.getJsonObject(path);
                    if (item == null || !item.containsKey(verb)) missing.add(verb.toUpperCase(Locale.ROOT) + " " + path);
                }
            }
            assertThat(endpoints).isGreaterThan(50);
            assertThat(missing).isEmpty();
            JsonObject login = paths.getJsonObject("/session").getJsonObject("post");
            assertThat(login.getJsonArray("security")).as("login needs no authentication").isEmpty();
            assertThat(login.getString("x-audit-action")).isEqualTo("session.login");
            assertThat(paths.getJsonObject("/accounts/{address}").getJsonObject("patch").getJsonObject("requestBody")).isNotNull();
            assertThat(doc.getJsonObject("components").getJsonObject("schemas").getJsonObject("AccountDto")
                    .getJsonObject("properties").containsKey("address")).isTrue();
        }
    }
}
