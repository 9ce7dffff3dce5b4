package io.tenmail.smtp.spam.external;

import io.tenmail.smtp.remote.HostPort;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A clamd stand-in on 127.0.0.1 speaking zINSTREAM, finding only the EICAR test file. */
final class FakeClamd implements AutoCloseable {
    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    private final ServerSocket server;
    volatile String lastCommand;

    FakeClamd() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::serve, "fake-clamd");
        t.setDaemon(true);
        t.start();
    }

    HostPort address() {
        return new HostPort("127.0.0.1", server.getLocalPort());
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                DataInputStream in = new DataInputStream(s.getInputStream());
                ByteArrayOutputStream command = new ByteArrayOutputStream();
                for (int b; (b = in.read()) > 0; ) command.write(b);
                lastCommand = command.toString(StandardCharsets.US_ASCII);
                ByteArrayOutputStream data = new ByteArrayOutputStream();
                for (int n; (n = in.readInt()) > 0; ) data.write(in.readNBytes(n));
                OutputStream out = s.getOutputStream();
                boolean infected = data.toString(StandardCharsets.ISO_8859_1).contains(EICAR);
                out.write((infected ? "stream: Win.Test.EICAR_HDB-1 FOUND\0" : "stream: OK\0").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                if (server.isClosed()) return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
