package io.tenmail.admin.it;

import io.tenmail.admin.AdminBackend;
import io.tenmail.admin.AdminServer;
import io.tenmail.admin.AdminSettings;
import io.tenmail.protocol.auth.LoginThrottle;
import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.StoreException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failures injected below the API (a fake that throws, STYLE.md §4): the database down, and a bug.
 * Neither may leak details or a stack trace to the client.
 */
class StoreFailuresIT {

    private static DirectoryAdmin throwing(Throwable failure) {
        return (DirectoryAdmin) Proxy.newProxyInstance(DirectoryAdmin.class.getClassLoader(), new Class<?>[] {DirectoryAdmin.class},
                (proxy, method, args) -> {
                    throw failure;
                });
    }

    private static HttpResponse<String> getTenants(DirectoryAdmin directory) throws Exception {
        try (AdminServer server = new AdminServer(new AdminSettings("127.0.0.1", 0),
                new AdminBackend(directory, null, ApiFixture.mailQueue(), ApiFixture.newBackend().auditLog(), ApiFixture.newBackend().apiTokens(),
                        LoginThrottle.withDefaults()), ApiFixture.TOKEN)) {
            server.start();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/tenants"))
                    .header("Authorization", "Bearer " + ApiFixture.TOKEN).timeout(Duration.ofSeconds(10)).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void databaseDownIsA503WithoutItsDetails() throws Exception {
        HttpResponse<String> r = getTenants(throwing(
                new StoreException(StoreException.Reason.TEMPORARY, "Connection to db.internal:5432 refused")));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        assertThat(r.body()).startsWith("{\"error\":").contains("ref ").doesNotContain("db.internal");
    }

    @Test
    void bugIsA500WithOnlyAReference() throws Exception {
        HttpResponse<String> r = getTenants(throwing(new IllegalStateException("secret internal detail")));
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).matches("\\{\"error\":\"internal error, ref [0-9a-f]{6}\",\"code\":\"internal\",\"params\":\\{\"detail\":\"internal error, ref [0-9a-f]{6}\",\"ref\":\"[0-9a-f]{6}\"}}");
    }
}
