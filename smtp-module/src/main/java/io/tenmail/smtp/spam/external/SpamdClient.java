package io.tenmail.smtp.spam.external;

import io.tenmail.smtp.remote.HostPort;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SpamAssassin's spamd, protocol SPAMC/1.5, command CHECK: the message with its length; the answer
 * {@code SPAMD/1.1 0 EX_OK} and a header {@code Spam: True ; 15.2 / 5.0}. Thread-safe (a
 * connection per check).
 */
public final class SpamdClient {
    private static final Pattern SPAM = Pattern.compile("(?i)^Spam:\\s*(True|False|Yes|No)\\s*;\\s*(-?[0-9.]+)\\s*/\\s*(-?[0-9.]+)");

    /** spamd's verdict: its score and its own threshold. */
    public record Verdict(boolean spam, double score, double threshold) {
    }

    private final HostPort server;
    private final Duration timeout;

    public SpamdClient(HostPort server, Duration timeout) {
        this.server = server;
        this.timeout = timeout;
    }

    public Verdict check(byte[] message) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.host(), server.port()), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("CHECK SPAMC/1.5\r\nContent-length: " + message.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(message);
            out.flush();
            socket.shutdownOutput();   // spamd reads to the end of the stream as well as by length
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String status = in.readLine();
            if (status == null || !status.startsWith("SPAMD/") || !status.contains(" 0 ")) {
                throw new IOException("spamd answered \"" + status + "\"");
            }
            for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
                Matcher m = SPAM.matcher(line);
                if (m.find()) {
                    boolean spam = m.group(1).equalsIgnoreCase("true") || m.group(1).equalsIgnoreCase("yes");
                    return new Verdict(spam, Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)));
                }
            }
            throw new IOException("spamd gave no Spam: header");
        }
    }
}
