package io.tenmail.smtp.spam.external;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A real SpamAssassin daemon for a test: our own {@code /usr/sbin/spamd} on a free loopback port
 * with one child, local tests only ({@code --local}: no DNS blocklists, tests stay off the
 * network), logging to a file in a temporary directory removed on close. Empty when spamd is not installed.
 * Closing stops the daemon and its children.
 */
final class RealSpamd implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/sbin/spamd");
    private final int port;
    private final Process process;
    private final Path log;

    private RealSpamd(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** {@code host:port} as the {@code spamd} setting of SpamAssassinCheck takes it. */
    String address() {
        return "127.0.0.1:" + port;
    }

    static Optional<RealSpamd> start() throws IOException {
        if (!Files.isExecutable(BINARY)) return Optional.empty();
        Path dir = Files.createTempDirectory("tenmail-spamd");
        Path log = dir.resolve("spamd.log");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--listen=127.0.0.1:" + port,
                "--syslog=stderr", "--local", "--max-children=1", "--pidfile=" + dir.resolve("spamd.pid")));
        // spamd refuses to run its children as root; as another user it runs them as that user
        if ("root".equals(System.getProperty("user.name"))) command.addAll(List.of("-u", "nobody"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RealSpamd spamd = new RealSpamd(port, process, log);
        // compiling the rules takes a few seconds, more on a busy machine
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!spamd.answersPing()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                spamd.stop();
                throw new IOException("spamd did not start; its log " + log + ":\n" + Files.readString(log));
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        return Optional.of(spamd);
    }

    private boolean answersPing() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            s.setSoTimeout(2000);
            s.getOutputStream().write("PING SPAMC/1.5\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return line != null && line.endsWith("PONG");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        stop();
        try (var files = Files.list(log.getParent())) {
            for (Path file : files.toList()) Files.deleteIfExists(file);
            Files.deleteIfExists(log.getParent());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private void stop() {
        // spamd's children are forked; the parent ends them on SIGTERM, and any left are killed
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public String toString() {
        return "spamd on " + address() + " (log " + log + ")";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
