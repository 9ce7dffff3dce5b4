package io.tenmail.admin.api.errors;

import io.tenmail.storage.StoreException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stable machine code (and its parameters) of an error answer, from the HTTP status, the
 * storage reason and the English message: specific codes for what the console shows most
 * ({@code domain.exists}, {@code tenant.exists}, {@code address.exists}, {@code domain.in-use}),
 * else one per kind of refusal. {@code field} and {@code detail} come from messages of the form
 * {@code "field: problem"}. Pure functions.
 */
public final class ErrorCodes {
    /** A code and the values its translation may name. */
    public record Coded(String code, Map<String, String> params) {
    }

    private record Rule(StoreException.Reason reason, Pattern pattern, String code, String param) {
    }

    private static final Pattern FIELD = Pattern.compile("^([A-Za-z][\\w.\\[\\]]*): (.*)$");
    private static final List<Rule> RULES = List.of(
            new Rule(StoreException.Reason.ALREADY_EXISTS, Pattern.compile("the domain name (\\S+) is already taken"), "domain.exists", "name"),
            new Rule(StoreException.Reason.ALREADY_EXISTS, Pattern.compile("^domain (\\S+) already exists"), "domain.exists", "name"),
            new Rule(StoreException.Reason.ALREADY_EXISTS, Pattern.compile("a tenant named (.+) is already taken"), "tenant.exists", "name"),
            new Rule(StoreException.Reason.ALREADY_EXISTS, Pattern.compile("the address (\\S+) is already taken"), "address.exists", "address"),
            new Rule(StoreException.Reason.IN_USE, Pattern.compile("^domain (\\S+) still has accounts"), "domain.in-use", "name"));

    /** Every code this class gives, for clients' catalogues (the console's test checks it translates each). */
    public static final List<String> CODES = List.of("domain.exists", "tenant.exists", "address.exists", "domain.in-use",
            "not-found", "already-exists", "in-use", "limit-reached", "over-quota", "invalid", "too-big", "unavailable",
            "unauthenticated", "forbidden", "method-not-allowed", "unsupported-media-type", "conflict", "throttled", "internal", "error");

    private ErrorCodes() {
    }

    /** For a refusal by the store. */
    public static Coded of(StoreException.Reason reason, String message) {
        String m = message == null ? "" : message;
        for (Rule r : RULES) {
            Matcher matcher = r.pattern().matcher(m);
            if (r.reason() == reason && matcher.find()) return new Coded(r.code(), Map.of(r.param(), matcher.group(1)));
        }
        String code = switch (reason) {
            case NOT_FOUND -> "not-found";
            case ALREADY_EXISTS -> "already-exists";
            case IN_USE -> "in-use";
            case NOT_ALLOWED -> "limit-reached";
            case OVER_QUOTA -> "over-quota";
            case INVALID -> "invalid";
            case TOO_BIG -> "too-big";
            case TEMPORARY -> "unavailable";
        };
        return new Coded(code, fieldAndDetail(m));
    }

    /** For any other error answer, by its status. */
    public static Coded of(int status, String message) {
        String code = switch (status) {
            case 400 -> "invalid";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406, 415 -> "unsupported-media-type";
            case 409 -> "conflict";
            case 413 -> "too-big";
            case 429 -> "throttled";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "error";
        };
        Map<String, String> params = fieldAndDetail(message == null ? "" : message);
        Matcher ref = Pattern.compile("\\bref ([0-9a-f]{6})").matcher(message == null ? "" : message);
        if (ref.find()) params.put("ref", ref.group(1));
        return new Coded(code, params);
    }

    private static Map<String, String> fieldAndDetail(String message) {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(message);
        if (m.matches()) {
            params.put("field", m.group(1));
            params.put("detail", m.group(2));
        } else if (!message.isBlank()) {
            params.put("detail", message);
        }
        return params;
    }
}
