package io.tenmail.deploy.cli;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A small client of the admin REST API v1 (JSON over HTTP, bearer token). Answers are returned as
 * JSON-B's generic values: {@code Map<String, Object>}, {@code List<Object>}, {@code String},
 * {@code BigDecimal}, {@code Boolean} or null. The server is located on the first request, so that
 * usage errors are reported before the server is looked for. Not thread-safe (one per command).
 */
public final class AdminClient {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** Finds the server, once. */
    @FunctionalInterface
    public interface Locator {
        ServerEndpoint locate() throws UnreachableException;
    }

    private final Locator locator;
    private final HttpClient http;
    private final Jsonb jsonb = JsonbBuilder.create();
    private ServerEndpoint endpoint;

    public AdminClient(Locator locator) {
        this.locator = locator;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Object get(String path, Map<String, String> query) throws ApiException, UnreachableException {
        return send("GET", path + queryString(query), null);
    }

    public Object post(String path, Object body) throws ApiException, UnreachableException {
        return send("POST", path, body);
    }

    public Object put(String path, Object body) throws ApiException, UnreachableException {
        return send("PUT", path, body);
    }

    public Object delete(String path) throws ApiException, UnreachableException {
        return send("DELETE", path, null);
    }

    /** {@code path("domains", "example.test")} -> {@code domains/example.test}, each segment percent-encoded. */
    public static String path(String... segments) {
        StringJoiner joiner = new StringJoiner("/");
        for (String segment : segments) joiner.add(encode(segment));
        return joiner.toString();
    }

    private Object send(String method, String relativePath, Object body) throws ApiException, UnreachableException {
        if (endpoint == null) endpoint = locator.locate();
        URI uri = endpoint.apiBase().resolve(relativePath);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + endpoint.token())
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(jsonb.toJson(body), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw unreachable(e.getMessage() == null ? "connection refused" : e.getMessage());
        } catch (HttpTimeoutException e) {
            throw new UnreachableException("the Tenmail server at " + serverAddress() + " did not answer within "
                    + REQUEST_TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            throw unreachable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException("interrupted while waiting for the server");
        }
        return answer(response);
    }

    private Object answer(HttpResponse<String> response) throws ApiException {
        int status = response.statusCode();
        Object json = parse(response.body());
        if (status >= 200 && status < 300) return json;
        String message = json instanceof Map<?, ?> map && map.get("error") != null
                ? String.valueOf(map.get("error"))
                : "the server answered HTTP " + status;
        if (status == 401) {
            message += " (the token in " + endpoint.tokenFile() + " was refused: is TENMAIL_DATA_DIR the data directory of the server on "
                    + serverAddress() + "?)";
        }
        throw new ApiException(status, message);
    }

    private Object parse(String body) {
        if (body == null || body.isBlank()) return null;
        try {
            return jsonb.fromJson(body, Object.class);
        } catch (JsonbException e) {
            // not JSON (a proxy's error page): the status code will have to do
            return null;
        }
    }

    private UnreachableException unreachable(String reason) {
        return new UnreachableException("cannot reach the Tenmail server at " + serverAddress() + " (" + reason + "); "
                + "is it running? Start it with 'tenmail serve', or set TENMAIL_DATA_DIR or TENMAIL_HTTP_PORT to reach another one");
    }

    private String serverAddress() {
        URI base = endpoint.apiBase();
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    private static String queryString(Map<String, String> query) {
        StringJoiner joiner = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((k, v) -> {
            if (v != null) joiner.add(encode(k) + "=" + encode(v));
        });
        return joiner.toString();
    }

    /** Percent-encoding for a path segment or query value (URLEncoder's '+' would mean a plus sign in a path). */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
