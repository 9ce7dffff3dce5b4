package io.tenmail.admin.api.errors;

import io.tenmail.admin.api.dto.ErrorDto;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Builds the one error shape, {@code {"error": "..."}}, for Jersey and for Jetty's own error pages. */
public final class ErrorResponses {
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Longest message we echo; input quoted in messages must not blow up a response. */
    private static final int MAX_MESSAGE = 500;

    private ErrorResponses() {
    }

    public static Response of(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorDto(clean(message))).build();
    }

    /** The serialised body, for code outside Jersey. */
    public static String body(String message) {
        return JSON.toJson(new ErrorDto(clean(message)));
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
