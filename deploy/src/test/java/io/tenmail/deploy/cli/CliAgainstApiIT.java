package io.tenmail.deploy.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI against a loopback HTTP server that answers as the admin API contract says: checks the
 * requests the CLI sends and how it prints answers and errors.
 */
class CliAgainstApiIT {
    private static final String TOKEN = "t0ken";

    record Request(String method, String rawPathAndQuery, String authorization, String contentType, String body) {
    }

    record Answer(int status, String body) {
    }

    private HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query),
                    exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Deque<Answer> queue = answers.get(key);
            Answer answer = queue == null || queue.isEmpty() ? new Answer(404, "{\"error\":\"no answer for " + key + "\"}") : queue.poll();
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.body().startsWith("{") || answer.body().startsWith("[")
                    ? "application/json" : "text/html");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void answer(String methodAndPath, int status, String body) {
        answers.computeIfAbsent(methodAndPath, k -> new ArrayDeque<>()).add(new Answer(status, body));
    }

    private int run(String stdin, String... args) {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/");
        Cli cli = new Cli(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), () -> new ServerEndpoint(base, TOKEN, Path.of("/data/admin-token")));
        return cli.run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void domainAddPostsTheNameWithTheBearerToken() {
        answer("POST /api/v1/domains", 201, "{\"id\":1,\"tenant\":7,\"name\":\"example.test\",\"aliases\":[],\"catchAll\":null}");

        assertThat(run("", "domain", "add", "example.test")).isEqualTo(Cli.OK);

        assertThat(out()).isEqualTo("domain example.test added (tenant 7)" + System.lineSeparator());
        Request r = requests.get(0);
        assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.body()).isEqualTo("{\"name\":\"example.test\"}");
    }

    @Test
    void aRefusedRequestPrintsTheServersMessageAndExitsWithOne() {
        answer("POST /api/v1/domains", 409, "{\"error\":\"domain example.test already exists\"}");

        assertThat(run("", "domain", "add", "example.test", "--tenant", "3")).isEqualTo(Cli.REFUSED);

        assertThat(err()).isEqualTo("error: domain example.test already exists" + System.lineSeparator());
        assertThat(requests.get(0).body()).isEqualTo("{\"name\":\"example.test\",\"tenant\":3}");
    }

    @Test
    void domainDkimRotatesWhenAskedAndPrintsTheRecordsToPublish() {
        String dkim = "{\"domain\":\"example.test\",\"selectors\":[{\"selector\":\"tm20261122-2\",\"state\":\"ACTIVE\","
                + "\"created\":\"2026-11-22T05:00:00Z\",\"name\":\"tm20261122-2._domainkey.example.test.\",\"type\":\"TXT\","
                + "\"value\":\"v=DKIM1; k=rsa; p=MIIB\"},{\"selector\":\"tm20261122\",\"state\":\"RETIRED\","
                + "\"created\":\"2026-11-22T04:00:00Z\",\"retired\":\"2026-11-22T05:00:00Z\",\"name\":\"tm20261122._domainkey.example.test.\","
                + "\"type\":\"TXT\",\"value\":\"v=DKIM1; k=rsa; p=MIIA\"}]}";
        answer("POST /api/v1/domains/example.test/dkim/rotate", 200, dkim);

        assertThat(run("", "domain", "dkim", "example.test", "--rotate")).isEqualTo(Cli.OK);

        assertThat(out()).contains("tm20261122-2", "ACTIVE", "tm20261122-2._domainkey.example.test. IN TXT \"v=DKIM1; k=rsa; p=MIIB\"")
                .contains("RETIRED");
    }

    @Test
    void userAddSendsThePasswordFromStandardInputAndTheOptions() {
        answer("POST /api/v1/accounts", 201, "{\"id\":5,\"tenant\":7,\"address\":\"alice@example.test\",\"enabled\":true}");

        assertThat(run("s3cret pass\nignored\n", "user", "add", "alice@example.test", "--password-stdin", "--name", "Alice Example",
                "--quota", "2G")).isEqualTo(Cli.OK);

        assertThat(requests.get(0).body()).isEqualTo(
                "{\"address\":\"alice@example.test\",\"password\":\"s3cret pass\",\"displayName\":\"Alice Example\",\"quotaBytes\":2147483648}");
        assertThat(out()).isEqualTo("account alice@example.test added" + System.lineSeparator());
    }

    @Test
    void userListFollowsThePagesAndPrintsATable() {
        answer("GET /api/v1/accounts", 200, "{\"items\":[{\"address\":\"alice@example.test\",\"displayName\":\"Alice\",\"quotaBytes\":1073741824,"
                + "\"enabled\":true,\"protocols\":[\"IMAP\",\"SMTP\"]}],\"total\":2,\"offset\":0,\"limit\":1}");
        answer("GET /api/v1/accounts", 200, "{\"items\":[{\"address\":\"bob@example.test\",\"displayName\":null,\"quotaBytes\":0,"
                + "\"enabled\":false,\"protocols\":[]}],\"total\":2,\"offset\":1,\"limit\":1}");

        assertThat(run("", "user", "list", "example.test")).isEqualTo(Cli.OK);

        assertThat(requests).extracting(Request::rawPathAndQuery).containsExactly(
                "/api/v1/accounts?domain=example.test&offset=0&limit=" + UserCommands.PAGE_SIZE,
                "/api/v1/accounts?domain=example.test&offset=1&limit=" + UserCommands.PAGE_SIZE);
        assertThat(out().lines()).containsExactly(
                "ADDRESS             NAME   QUOTA      ENABLED  PROTOCOLS",
                "alice@example.test  Alice  1 GiB      yes      IMAP, SMTP",
                "bob@example.test    -      unlimited  no       -");
    }

    @Test
    void addressesInThePathArePercentEncoded() {
        answer("DELETE /api/v1/accounts/a%2Btag%40example.test", 204, "");

        assertThat(run("", "user", "remove", "a+tag@example.test")).isEqualTo(Cli.OK);

        assertThat(requests.get(0).rawPathAndQuery()).isEqualTo("/api/v1/accounts/a%2Btag%40example.test");
        assertThat(out()).isEqualTo("account a+tag@example.test removed" + System.lineSeparator());
    }

    @Test
    void passwdPutsTheNewPassword() {
        answer("PUT /api/v1/accounts/alice%40example.test/password", 204, "");

        assertThat(run("n3w\n", "user", "passwd", "alice@example.test", "--password-stdin")).isEqualTo(Cli.OK);

        assertThat(requests.get(0).body()).isEqualTo("{\"password\":\"n3w\"}");
    }

    @Test
    void aliasAndGroupBodiesFollowTheContract() {
        answer("POST /api/v1/aliases", 201, "{\"id\":1,\"address\":\"info@example.test\",\"targets\":[\"a@example.test\",\"b@example.test\"]}");
        answer("POST /api/v1/groups", 201, "{\"id\":2,\"address\":\"team@example.test\",\"members\":[\"a@example.test\",\"b@example.test\"],"
                + "\"sendPolicy\":\"SAME_DOMAIN\"}");

        assertThat(run("", "alias", "add", "info@example.test", "a@example.test", "b@example.test")).isEqualTo(Cli.OK);
        assertThat(run("", "group", "add", "team@example.test", "--member", "a@example.test", "--member", "b@example.test",
                "--policy", "same-domain")).isEqualTo(Cli.OK);

        assertThat(requests.get(0).body()).isEqualTo("{\"address\":\"info@example.test\",\"targets\":[\"a@example.test\",\"b@example.test\"]}");
        assertThat(requests.get(1).body()).isEqualTo(
                "{\"address\":\"team@example.test\",\"members\":[\"a@example.test\",\"b@example.test\"],\"sendPolicy\":\"SAME_DOMAIN\"}");
        assertThat(out().lines()).containsExactly(
                "alias info@example.test -> a@example.test, b@example.test added",
                "group team@example.test added (2 members, policy same-domain)");
    }

    @Test
    void listsOfNothingSaySo() {
        answer("GET /api/v1/domains", 200, "[]");
        assertThat(run("", "domain", "list")).isEqualTo(Cli.OK);
        assertThat(out()).isEqualTo("no domains" + System.lineSeparator());
    }

    @Test
    void aRefusedTokenPointsAtTheDataDirectory() {
        answer("GET /api/v1/tenants", 401, "{\"error\":\"invalid token\"}");
        assertThat(run("", "tenant", "list")).isEqualTo(Cli.REFUSED);
        assertThat(err()).startsWith("error: invalid token (the token in /data/admin-token was refused: is TENMAIL_DATA_DIR");
    }

    @Test
    void anAnswerThatIsNotJsonReportsTheStatus() {
        answer("GET /api/v1/tenants", 502, "<html>Bad gateway</html>");
        assertThat(run("", "tenant", "list")).isEqualTo(Cli.REFUSED);
        assertThat(err()).isEqualTo("error: the server answered HTTP 502" + System.lineSeparator());
    }

    @Test
    void aServerThatIsNotListeningExitsWithThree() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI base = URI.create("http://127.0.0.1:" + closedPort + "/api/v1/");
        Cli cli = new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), () -> new ServerEndpoint(base, TOKEN, Path.of("/data/admin-token")));

        assertThat(cli.run("domain", "list")).isEqualTo(Cli.UNREACHABLE);

        assertThat(err()).startsWith("error: cannot reach the Tenmail server at http://127.0.0.1:" + closedPort)
                .contains("is it running? Start it with 'tenmail serve'");
    }
}
