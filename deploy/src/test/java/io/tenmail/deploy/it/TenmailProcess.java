package io.tenmail.deploy.it;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The built distribution ({@code target/tenmail/bin/tenmail}) run as operators run it: a data
 * directory, free loopback ports passed through {@code TENMAIL_*} environment variables, server
 * processes started, stopped with SIGTERM or killed with SIGKILL, and the CLI and admin API
 * against them. {@link #close} kills whatever is still running.
 */
final class TenmailProcess implements AutoCloseable {
    static final Path HOME = Path.of("target/tenmail").toAbsolutePath();
    static final Path LAUNCHER = HOME.resolve("bin/tenmail");
    /** Generous: the first start creates the database and a key pair, on a machine that may be busy. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration CLI_TIMEOUT = Duration.ofMinutes(1);
    private static final List<String> PORT_KEYS = List.of("SMTP", "SUBMISSION", "SMTPS", "IMAP", "IMAPS", "POP3", "POP3S", "HTTP");

    record CliResult(int exitCode, String out, String err) {
    }

    private final Path temp;
    private final Path dataDir;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<Process> processes = new ArrayList<>();
    private final Map<Process, Path> logFiles = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private int files;

    /** A fresh installation's settings: data in {@code temp/data}, eight free ports, host mail.example.test. */
    TenmailProcess(Path temp) throws IOException {
        this.temp = temp;
        this.dataDir = temp.resolve("data");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("TENMAIL_DATA_DIR", dataDir.toString());
        env.put("TENMAIL_BIND_ADDRESS", "127.0.0.1");
        env.put("TENMAIL_HOSTNAME", "mail.example.test");
        freePorts().forEach((key, port) -> env.put("TENMAIL_" + key + "_PORT", Integer.toString(port)));
    }

    Path dataDir() {
        return dataDir;
    }

    /** The environment every server and CLI process gets; tests add or override settings here. */
    Map<String, String> env() {
        return env;
    }

    /** The port of a listener: SMTP, SUBMISSION, SMTPS, IMAP, IMAPS, POP3, POP3S or HTTP. */
    int port(String listener) {
        return Integer.parseInt(env.get("TENMAIL_" + listener + "_PORT"));
    }

    /** Starts {@code bin/tenmail serve}; its output goes to {@link #log}. */
    Process serve() throws IOException {
        Path log = temp.resolve("serve-" + (++files) + ".log");
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "serve")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(devNull()));
        clean(builder.environment()).putAll(env);
        Process process = builder.start();
        processes.add(process);
        logFiles.put(process, log);
        return process;
    }

    /** Starts the server and waits until its admin API answers. */
    Process serveAndAwaitHealthy() throws Exception {
        Process server = serve();
        awaitHealthy(server);
        return server;
    }

    Path log(Process server) {
        return logFiles.get(server);
    }

    void awaitHealthy(Process server) throws Exception {
        HttpRequest health = HttpRequest.newBuilder(apiUri("/health")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) fail("the server exited with " + server.exitValue() + ":\n" + Files.readString(log(server)));
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("up")) return;
            } catch (IOException e) {
                // not listening yet
            }
            // poll interval of the deadline-bounded wait
            server.waitFor(200, TimeUnit.MILLISECONDS);
        }
        fail("the server did not become healthy within " + START_TIMEOUT + ":\n" + Files.readString(log(server)));
    }

    /** SIGTERM, then: exits within the timeout, with 0 or 143, saying so, without a stack trace. */
    void stop(Process server) throws Exception {
        server.destroy();   // SIGTERM on POSIX; bin/tenmail exec'ed java, so it reaches the JVM
        assertThat(server.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("stopped in time").isTrue();
        String output = Files.readString(log(server));
        assertThat(server.exitValue()).as(output).isIn(0, 143);
        assertThat(output).contains("Tenmail stopping", "Tenmail stopped");
        assertNoStackTrace(output);
    }

    /** SIGKILL: the JVM gets no chance to clean up, as in a power cut of the process. */
    static void kill(Process server) throws InterruptedException {
        server.destroyForcibly();
        assertThat(server.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("killed").isTrue();
    }

    CliResult cli(String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        int n = ++files;
        Path out = temp.resolve("cli-" + n + ".out");
        Path err = temp.resolve("cli-" + n + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        clean(builder.environment()).putAll(env);
        Process process = builder.start();
        processes.add(process);
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(CLI_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) fail("tenmail " + String.join(" ", args) + " did not finish");
        return new CliResult(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** A CLI command without input that must succeed. */
    CliResult cliOk(String... args) throws Exception {
        CliResult result = cli("", args);
        assertThat(result.exitCode()).as("tenmail " + String.join(" ", args) + ": " + result).isZero();
        return result;
    }

    /** An admin API call with the platform token; {@code json} null for no body. */
    HttpResponse<String> api(String method, String path, String json) throws Exception {
        String token = Files.readString(dataDir.resolve("admin-token")).strip();
        HttpRequest.Builder request = HttpRequest.newBuilder(apiUri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (json != null) request.header("Content-Type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Like {@link #api} but fails the test unless the answer is 2xx; returns the body. */
    String apiOk(String method, String path, String json) throws Exception {
        HttpResponse<String> response = api(method, path, json);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return response.body();
    }

    private URI apiUri(String path) {
        return URI.create("http://127.0.0.1:" + port("HTTP") + "/api/v1" + path);
    }

    static void assertNoStackTrace(String output) {
        assertThat(output.lines()).as(output).noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception:"));
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : processes) {
            if (p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Eight distinct free loopback ports, one per listener. */
    private static Map<String, Integer> freePorts() throws IOException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (String key : PORT_KEYS) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                held.add(socket);
                ports.put(key, socket.getLocalPort());
            }
        } finally {
            for (ServerSocket socket : held) socket.close();
        }
        return ports;
    }

    /** The test's own TENMAIL_* or JAVA_OPTS must not leak into the server under test. */
    private static Map<String, String> clean(Map<String, String> environment) {
        environment.keySet().removeIf(k -> k.startsWith("TENMAIL_") || k.equals("JAVA_OPTS") || k.equals("JAVA_TOOL_OPTIONS"));
        return environment;
    }

    private static File devNull() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
