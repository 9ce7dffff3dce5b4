package io.tenmail.deploy.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code bin/tenmail serve} from the built distribution on free loopback ports and a data
 * directory of the test's, plus the CLI against it. Restartable on the same data and ports; the
 * test closes it, which stops whatever is still running.
 */
final class TenmailProcess implements AutoCloseable {
    private static final Path LAUNCHER = Path.of("target/tenmail/bin/tenmail").toAbsolutePath();
    private static final List<String> PORT_KEYS = List.of("SMTP", "SUBMISSION", "SMTPS", "IMAP", "IMAPS", "POP3", "POP3S", "HTTP");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Path temp;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final List<Process> processes = new ArrayList<>();
    private Process server;
    private int starts;

    /** A server on {@code temp/data}, with {@code settings} as extra environment variables (TENMAIL_...). */
    TenmailProcess(Path temp, Map<String, String> settings) throws IOException {
        this.temp = temp;
        Path dataDir = temp.resolve("data");
        MailProcessingDefaults.prepare(dataDir);
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (String key : PORT_KEYS) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                held.add(socket);
                ports.put(key, socket.getLocalPort());
            }
        } finally {
            for (ServerSocket s : held) s.close();
        }
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("TENMAIL_DATA_DIR", dataDir.toString());
        env.put("TENMAIL_BIND_ADDRESS", "127.0.0.1");
        env.put("TENMAIL_HOSTNAME", "mail.example.test");
        ports.forEach((key, port) -> env.put("TENMAIL_" + key + "_PORT", Integer.toString(port)));
        env.putAll(settings);
    }

    int port(String key) {
        return ports.get(key);
    }

    /** Starts the server and waits until it is healthy. */
    void start() throws Exception {
        Path log = temp.resolve("serve-" + (++starts) + ".log");
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "serve").redirectErrorStream(true).redirectOutput(log.toFile());
        clean(builder.environment()).putAll(env);
        server = builder.start();
        processes.add(server);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get("HTTP") + "/api/v1/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) fail("the server exited with " + server.exitValue() + ":\n" + Files.readString(log));
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("up")) return;
            } catch (IOException e) {
                // not listening yet
            }
            server.waitFor(200, TimeUnit.MILLISECONDS);   // poll interval of the deadline-bounded wait
        }
        fail("the server did not become healthy:\n" + Files.readString(log));
    }

    /** The last 60 lines of the current server's log, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(temp.resolve("serve-" + starts + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL: bin/tenmail exec'ed the JVM, so this is the server itself dying at once. */
    void kill() throws InterruptedException {
        server.destroyForcibly();
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("killed").isTrue();
    }

    /** Runs a CLI command against the server; it must succeed. */
    void cli(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        Path out = temp.resolve("cli-" + UUID.randomUUID() + ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        clean(builder.environment()).putAll(env);
        Process process = builder.start();
        processes.add(process);
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) fail("tenmail " + String.join(" ", args) + " did not finish");
        assertThat(process.exitValue()).as(String.join(" ", args) + ": " + Files.readString(out)).isZero();
    }

    private static Map<String, String> clean(Map<String, String> environment) {
        environment.keySet().removeIf(k -> k.startsWith("TENMAIL_") || k.equals("JAVA_OPTS") || k.equals("JAVA_TOOL_OPTIONS"));
        return environment;
    }

    /** SIGTERM whatever still runs, SIGKILL what does not stop. */
    @Override
    public void close() throws InterruptedException {
        for (Process p : processes) {
            if (p.isAlive()) {
                p.destroy();
                if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
