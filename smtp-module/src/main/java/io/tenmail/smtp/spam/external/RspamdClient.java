package io.tenmail.smtp.spam.external;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rspamd's normal worker protocol: {@code POST /checkv2} with the raw message as the body and the
 * envelope in request header fields ({@code IP}, {@code Helo}, {@code From}, one {@code Rcpt} per
 * recipient, {@code User}, {@code Queue-Id}); the answer is JSON with {@code score},
 * {@code required_score}, {@code action} and {@code symbols} (name → {@code {score}}). See
 * https://rspamd.com/doc/developers/protocol.html. Thread-safe (one shared {@link HttpClient}).
 */
final class RspamdClient {
    private final URI check;
    private final Duration timeout;
    private final Optional<String> password;
    private final HttpClient http;

    /** What the client says about one message (the envelope sent along with it). */
    record Envelope(Optional<String> ip, Optional<String> helo, Optional<String> from, List<String> rcpts,
                    Optional<String> user, Optional<String> queueId) {
    }

    /** Rspamd's answer. */
    record Verdict(double score, double requiredScore, String action, Map<String, Double> symbols) {
    }

    /** @param base e.g. {@code http://127.0.0.1:11333} */
    RspamdClient(URI base, Duration timeout, Optional<String> password) {
        this.check = base.resolve("/checkv2");
        this.timeout = timeout;
        this.password = password;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    Verdict check(byte[] message, Envelope envelope) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(check).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(message));
        envelope.ip().ifPresent(v -> request.header("IP", v));
        envelope.helo().ifPresent(v -> request.header("Helo", v));
        envelope.from().ifPresent(v -> request.header("From", v));
        envelope.rcpts().forEach(v -> request.header("Rcpt", v));
        envelope.user().ifPresent(v -> request.header("User", v));
        envelope.queueId().ifPresent(v -> request.header("Queue-Id", v));
        password.ifPresent(v -> request.header("Password", v));
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for rspamd", e);
        }
        if (response.statusCode() != 200) throw new IOException("rspamd answered HTTP " + response.statusCode());
        return parse(response.body());
    }

    static Verdict parse(byte[] json) throws IOException {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(json))) {
            JsonObject o = reader.readObject();
            if (o.containsKey("error")) throw new IOException("rspamd: " + o.get("error"));
            Map<String, Double> symbols = new LinkedHashMap<>();
            JsonValue s = o.get("symbols");
            if (s instanceof JsonObject all) {
                for (Map.Entry<String, JsonValue> e : all.entrySet()) {
                    double score = e.getValue() instanceof JsonObject symbol && symbol.get("score") instanceof JsonNumber n ? n.doubleValue() : 0;
                    symbols.put(e.getKey(), score);
                }
            }
            return new Verdict(number(o, "score"), number(o, "required_score"), o.getString("action", "no action"), symbols);
        } catch (JsonException | ClassCastException e) {
            throw new IOException("rspamd answered something that is not its JSON: " + e.getMessage(), e);
        }
    }

    private static double number(JsonObject o, String name) throws IOException {
        if (o.get(name) instanceof JsonNumber n) return n.doubleValue();
        throw new IOException("rspamd's answer has no " + name);
    }
}
