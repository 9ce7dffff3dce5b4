package io.tenmail.admin.it;

import io.tenmail.protocol.dns.TestDnsServer;
import io.tenmail.admin.AdminBackend;
import io.tenmail.admin.AdminServer;
import io.tenmail.admin.AdminSettings;
import io.tenmail.admin.autoconfig.MailEndpoints;
import io.tenmail.protocol.auth.LoginThrottle;
import io.tenmail.protocol.dns.DnsLookup;
import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.MailQueue;
import io.tenmail.storage.MailTraffic;
import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.directory.PasswordHasher;
import io.tenmail.storage.dkim.DkimKeyPairs;
import io.tenmail.storage.jpa.Database;
import io.tenmail.storage.jpa.JpaApiTokens;
import io.tenmail.storage.jpa.JpaAuditLog;
import io.tenmail.storage.jpa.JpaDirectoryAdmin;
import io.tenmail.storage.jpa.JpaDkimKeys;
import io.tenmail.storage.jpa.JpaMailQueue;
import io.tenmail.storage.jpa.JpaMailTraffic;
import io.tenmail.storage.jpa.Transactions;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running {@link AdminServer} on an ephemeral loopback port and a real HTTP client
 * ({@link HttpClient}) to talk to it. Every response is checked on the way: a body is JSON and
 * never carries a Java stack trace.
 */
final class ApiFixture implements AutoCloseable {
    static final String TOKEN = "test-platform-token-5f1c0e9a";
    /** Where the test server tells mail clients to connect. */
    static final MailEndpoints MAIL = new MailEndpoints("mail.example.test", 143, 993, 110, 995, 587, 465);
    private static final AtomicInteger UNIQUE = new AtomicInteger();

    private final AdminServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final URI base;

    /** One DKIM key pair for every domain the tests create (a 2048-bit pair costs a few hundred ms of CPU). */
    private static final KeyPair SHARED_DKIM_KEY = DkimKeyPairs.generate();
    /**
     * One database for the test JVM: embedded Derby, or a fresh PostgreSQL database when
     * TENMAIL_TEST_PG_URL is set (scripts/with-postgres). Tests use unique names, so they can share it.
     */
    private static final Database DATABASE = openDatabase();
    private static final Transactions TX = new Transactions(DATABASE.entityManagerFactory());
    /** The resolver of every test server's DNS check: tests publish records for their unique domains here. */
    static final TestDnsServer DNS = startDns();

    private static TestDnsServer startDns() {
        try {
            return new TestDnsServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory behind the API: the real JPA implementation, the ONE place tests choose it. */
    static DirectoryAdmin newDirectoryAdmin() {
        return new JpaDirectoryAdmin(TX, PasswordHasher.owaspMinimum(), Clock.systemUTC(), () -> SHARED_DKIM_KEY);
    }

    /** Messages in/out per day, on the same database. */
    static MailTraffic traffic() {
        return new JpaMailTraffic(TX);
    }

    /** The mail queue behind the API, on the same database. */
    static MailQueue mailQueue() {
        return new JpaMailQueue(TX);
    }

    /** Every store the API needs, on the shared database, with a login throttle of its own. */
    static AdminBackend newBackend() {
        return new AdminBackend(newDirectoryAdmin(), null, mailQueue(), new JpaAuditLog(TX), new JpaApiTokens(TX),
                LoginThrottle.withDefaults(), new JpaDkimKeys(TX),
                DnsLookup.of(List.of(DNS.address()), Duration.ofSeconds(2)), traffic());
    }

    /** Which database the tests run on, for messages. */
    static String databaseKind() {
        return PostgresDatabase.available() ? "PostgreSQL" : "Derby";
    }

    private static Database openDatabase() {
        try {
            Path dir = Files.createTempDirectory("tenmail-admin-it");
            Database database = new Database(PostgresDatabase.available() ? PostgresDatabase.fresh(dir) : StorageSettings.embedded(dir));
            Runtime.getRuntime().addShutdownHook(new Thread(database::close));
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ApiFixture(AdminServer server) {
        this.server = server;
        this.base = URI.create("http://127.0.0.1:" + server.port());
    }

    static ApiFixture start() {
        AdminServer server = new AdminServer(new AdminSettings("127.0.0.1", 0, AdminSettings.DEFAULT_PASSWORD_POLICY,
                java.util.Optional.of(MAIL)), newBackend(), TOKEN);
        server.start();
        return new ApiFixture(server);
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }

    /** A name no other test uses, so tests share a server and still run in any order. */
    static String unique(String prefix) {
        return prefix + UNIQUE.incrementAndGet();
    }

    /** A fresh domain name such as {@code d7.example.test}. */
    static String uniqueDomain() {
        return unique("d") + ".example.test";
    }

    static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // requests with the platform token

    Reply get(String path) {
        return send("GET", path, null, TOKEN);
    }

    Reply delete(String path) {
        return send("DELETE", path, null, TOKEN);
    }

    Reply post(String path, String json) {
        return send("POST", path, json, TOKEN);
    }

    Reply put(String path, String json) {
        return send("PUT", path, json, TOKEN);
    }

    Reply patch(String path, String json) {
        return send("PATCH", path, json, TOKEN);
    }

    /** A request under /api/v1 ({@code path} starts with '/'); token null sends no Authorization. */
    Reply send(String method, String path, String json, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("/api/v1" + path)).timeout(Duration.ofSeconds(10));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (json != null) b.header("Content-Type", "application/json");
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(b.build());
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r;
            try {
                r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the JDK client can pick a pooled connection the server has just closed (after a
                // response to a request whose body it did not read); nothing was sent back and the
                // request was not handled, so it is sent once more on a new connection
                if (!"HTTP/1.1 header parser received no bytes".equals(e.getMessage())) throw e;
                r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
            Reply reply = new Reply(r);
            reply.assertWellFormed();
            return reply;
        } catch (IOException e) {
            throw new AssertionError("request failed: " + request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    HttpRequest.Builder request(String pathFromRoot) {
        return HttpRequest.newBuilder(base.resolve(pathFromRoot)).timeout(Duration.ofSeconds(10));
    }

    // callers other than the platform token

    /** Who sends a request: a bearer token, or a console session (its cookie, and the CSRF token unsafe methods echo). */
    record As(String bearer, String cookie, String csrf) {
        static As token(String token) {
            return new As(token, null, null);
        }

        /** The same session without its CSRF token, as a forged cross-site request would be. */
        As withoutCsrf() {
            return new As(bearer, cookie, null);
        }
    }

    Reply send(As as, String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("/api/v1" + path)).timeout(Duration.ofSeconds(10));
        if (as.bearer() != null) b.header("Authorization", "Bearer " + as.bearer());
        if (as.cookie() != null) b.header("Cookie", as.cookie());
        if (as.csrf() != null) b.header("X-CSRF-Token", as.csrf());
        if (json != null) b.header("Content-Type", "application/json");
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(b.build());
    }

    /** POST /session with an address and password; the reply must be a success. */
    As login(String address, String password) {
        return loggedIn(send(new As(null, null, null), "POST", "/session",
                "{\"address\":\"" + address + "\",\"password\":\"" + password + "\"}"));
    }

    static As loggedIn(Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String setCookie = r.header("Set-Cookie");
        assertThat(setCookie).as("Set-Cookie").isNotNull();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        return new As(null, cookie, r.json().getString("csrfToken"));
    }

    /** An account with a password that meets the default policy. */
    static final String PASSWORD = "s3cret-pass";

    // fixtures through the API itself

    /** Creates a domain in a tenant of its own; returns the tenant id. */
    long createDomain(String domain) {
        Reply r = post("/domains", "{\"name\":\"" + domain + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getJsonNumber("tenant").longValue();
    }

    void createAccount(String address) {
        Reply r = post("/accounts", "{\"address\":\"" + address + "\",\"password\":\"s3cret-pass\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    /** An HTTP response and the checks every response must pass. */
    record Reply(HttpResponse<String> response) {
        int status() {
            return response.statusCode();
        }

        String body() {
            return response.body();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        JsonObject json() {
            try (JsonReader r = Json.createReader(new StringReader(body()))) {
                return r.readObject();
            }
        }

        JsonArray array() {
            try (JsonReader r = Json.createReader(new StringReader(body()))) {
                return r.readArray();
            }
        }

        String error() {
            return json().getString("error");
        }

        void assertWellFormed() {
            String body = body();
            assertThat(body).as("no stack trace in the response")
                    .doesNotContain("\tat ").doesNotContain(".java:").doesNotContainIgnoringCase("exception")
                    .doesNotContain("<html").doesNotContain("<HTML");
            if (!body.isEmpty()) {
                assertThat(header("Content-Type")).as("content type of " + body).isNotNull();
                assertThat(header("Content-Type").toLowerCase(Locale.ROOT)).startsWith("application/json");
                char first = body.strip().charAt(0);
                assertThat(first).as("a JSON object or array: " + body).isIn('{', '[');
            }
            if (status() >= 400) {
                assertThat(json().containsKey("error")).as("error body: " + body).isTrue();
                assertThat(json().getString("error")).isNotBlank();
            }
        }
    }
}
