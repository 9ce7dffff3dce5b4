package io.tenmail.smtp.spam.external;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A real rspamd for a test: the one listening on 127.0.0.1:11333 if there is one, else our own
 * started from the installed package's configuration with its workers on free loopback ports, a
 * temporary database and run directory, and DNS pointed at a closed loopback port (tests stay off
 * the network). Empty when rspamd is not installed. Closing stops the one we started.
 */
final class RealRspamd implements AutoCloseable {
    private static final Path CONFIG = Path.of("/etc/rspamd/rspamd.conf");
    private final String url;
    private final Process process;
    private final Path dir;

    private RealRspamd(String url, Process process, Path dir) {
        this.url = url;
        this.process = process;
        this.dir = dir;
    }

    String url() {
        return url;
    }

    static Optional<RealRspamd> find() throws IOException {
        if (listening(11333)) return Optional.of(new RealRspamd("http://127.0.0.1:11333", null, null));
        Optional<Path> binary = List.of(Path.of("/usr/bin/rspamd"), Path.of("/usr/sbin/rspamd")).stream().filter(Files::isExecutable).findFirst();
        if (binary.isEmpty() || !Files.isReadable(CONFIG)) return Optional.empty();
        Path dir = Files.createTempDirectory("tenmail-rspamd");
        Path local = Files.createDirectories(dir.resolve("local.d"));
        Files.createDirectories(dir.resolve("db"));
        Files.createDirectories(dir.resolve("run"));
        int normal = freePort();
        Files.writeString(local.resolve("worker-normal.inc"), "bind_socket = \"127.0.0.1:" + normal + "\";\n");
        Files.writeString(local.resolve("worker-controller.inc"), "bind_socket = \"127.0.0.1:" + freePort() + "\";\n");
        Files.writeString(local.resolve("worker-proxy.inc"), "bind_socket = \"127.0.0.1:" + freePort() + "\";\n");
        Files.writeString(local.resolve("options.inc"), "dns { nameserver = [\"127.0.0.1:9\"]; timeout = 0.2s; retransmits = 1; }\n");
        List<String> command = new ArrayList<>(List.of(binary.get().toString(), "-f", "-c", CONFIG.toString(),
                "--var", "LOCAL_CONFDIR=" + dir, "--var", "DBDIR=" + dir.resolve("db"), "--var", "RUNDIR=" + dir.resolve("run")));
        if ("root".equals(System.getProperty("user.name"))) command.addAll(List.of("-u", "root", "-g", "root", "-i"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("rspamd.log").toFile()).start();
        RealRspamd rspamd = new RealRspamd("http://127.0.0.1:" + normal, process, dir);
        // loading the rules takes tens of seconds on a busy machine
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!listening(normal)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                rspamd.close();
                throw new IOException("rspamd did not start; see " + dir.resolve("rspamd.log"));
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        return Optional.of(rspamd);
    }

    @Override
    public void close() {
        if (process == null) return;
        List<ProcessHandle> workers = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        workers.forEach(ProcessHandle::destroyForcibly);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
