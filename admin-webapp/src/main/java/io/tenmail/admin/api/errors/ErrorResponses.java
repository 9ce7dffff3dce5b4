package io.tenmail.admin.api.errors;

import io.tenmail.admin.api.dto.ErrorDto;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.HexFormat;

/** Builds the one error shape, {@code {"error": "...", "code": "...", "params": {...}}}, for Jersey and for Jetty's own error pages. */
public final class ErrorResponses {
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Longest message we echo; input quoted in messages must not blow up a response. */
    private static final int MAX_MESSAGE = 500;

    private ErrorResponses() {
    }

    public static Response of(int status, String message) {
        return of(status, ErrorCodes.of(status, clean(message)), message);
    }

    /** With the code the caller knows better than the status does (a storage reason). */
    public static Response of(int status, ErrorCodes.Coded coded, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(dto(coded, message)).build();
    }

    static ErrorDto dto(ErrorCodes.Coded coded, String message) {
        Map<String, String> params = new LinkedHashMap<>();
        coded.params().forEach((k, v) -> params.put(k, clean(v)));
        return new ErrorDto(clean(message), coded.code(), params);
    }

    /** The serialised body, for code outside Jersey. */
    public static String body(int status, String message) {
        return JSON.toJson(dto(ErrorCodes.of(status, clean(message)), message));
    }

    /** A short random reference that ties a generic client message to the log line with the details. */
    public static String newReference() {
        byte[] b = new byte[3];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** One line, bounded length: messages may quote client input. */
    static String clean(String message) {
        if (message == null || message.isBlank()) return "error";
        String oneLine = message.replaceAll("[\\r\\n\\t]+", " ").strip();
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "...";
    }
}
