package io.tenmail.admin.api;

import jakarta.annotation.security.PermitAll;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI 3.1 document of the admin API, generated at start-up from the resource classes
 * themselves (paths, methods, path and query parameters, request and response shapes from the DTO
 * records, which calls are audited and which need no authentication), so it lists every endpoint
 * and cannot drift from the code. Served at {@code /api/openapi}.
 */
public final class OpenApiDocument {
    private static final Map<Class<? extends Annotation>, String> VERBS = new LinkedHashMap<>();

    static {
        VERBS.put(GET.class, "get");
        VERBS.put(POST.class, "post");
        VERBS.put(PUT.class, "put");
        VERBS.put(PATCH.class, "patch");
        VERBS.put(DELETE.class, "delete");
    }

    private final Map<String, Object> schemas = new TreeMap<>();

    private OpenApiDocument() {
    }

    /** The document as JSON. */
    public static String json(String version) {
        Map<String, Object> doc = new OpenApiDocument().build(version);
        try (Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withFormatting(true))) {
            return jsonb.toJson(doc);
        } catch (Exception e) {
            throw new IllegalStateException("cannot serialise the OpenAPI document", e);
        }
    }

    private Map<String, Object> build(String version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "Tenmail admin API", "version", version,
                "description", "See docs/api.md. Errors are {\"error\": \"...\"}; another tenant's things are 404."));
        doc.put("servers", List.of(Map.of("url", "/api/v1")));
        Map<String, Object> paths = new TreeMap<>();
        for (Class<?> resource : AdminApi.RESOURCES) {
            String base = path(resource.getAnnotation(Path.class));
            List<Method> methods = new ArrayList<>(List.of(resource.getDeclaredMethods()));
            methods.sort(Comparator.comparing(Method::getName));
            for (Method m : methods) {
                String verb = verb(m);
                if (verb == null) continue;
                String p = base + (m.isAnnotationPresent(Path.class) ? path(m.getAnnotation(Path.class)) : "");
                @SuppressWarnings("unchecked")
                Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(p, k -> new LinkedHashMap<>());
                item.put(verb, operation(resource, m, verb));
            }
        }
        doc.put("paths", paths);
        Map<String, Object> securitySchemes = new LinkedHashMap<>();
        securitySchemes.put("bearer", Map.of("type", "http", "scheme", "bearer",
                "description", "the platform token (<data dir>/admin-token) or an API token (tmk_...)"));
        securitySchemes.put("session", Map.of("type", "apiKey", "in", "cookie", "name", "tenmail_session",
                "description", "console session from POST /session; unsafe methods also need X-CSRF-Token"));
        doc.put("components", Map.of("schemas", schemas, "securitySchemes", securitySchemes));
        doc.put("security", List.of(Map.of("bearer", List.of()), Map.of("session", List.of())));
        return doc;
    }

    private static String path(Path p) {
        String v = p.value();
        while (v.startsWith("/")) v = v.substring(1);
        return "/" + v;
    }

    private static String verb(Method m) {
        for (Map.Entry<Class<? extends Annotation>, String> e : VERBS.entrySet()) {
            if (m.isAnnotationPresent(e.getKey())) return e.getValue();
        }
        return null;
    }

    private Map<String, Object> operation(Class<?> resource, Method m, String verb) {
        Map<String, Object> op = new LinkedHashMap<>();
        String tag = resource.getSimpleName().replace("Resource", "").toLowerCase(Locale.ROOT);
        op.put("tags", List.of(tag));
        op.put("operationId", tag + "." + m.getName());
        op.put("summary", words(m.getName()));
        List<Object> parameters = new ArrayList<>();
        for (Parameter p : m.getParameters()) {
            if (p.isAnnotationPresent(PathParam.class)) {
                parameters.add(Map.of("name", p.getAnnotation(PathParam.class).value(), "in", "path", "required", true,
                        "schema", Map.of("type", "string")));
            } else if (p.isAnnotationPresent(QueryParam.class)) {
                parameters.add(Map.of("name", p.getAnnotation(QueryParam.class).value(), "in", "query", "required", false,
                        "schema", Map.of("type", "string")));
            } else if (!p.isAnnotationPresent(Context.class) && !p.isAnnotationPresent(CookieParam.class)) {
                op.put("requestBody", Map.of("required", true,
                        "content", Map.of("application/json", Map.of("schema", schema(p.getParameterizedType())))));
            }
        }
        if (!parameters.isEmpty()) op.put("parameters", parameters);
        if (m.isAnnotationPresent(Consumes.class) && !op.containsKey("requestBody")) {
            op.put("requestBody", Map.of("required", true, "content", Map.of("application/json", Map.of())));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        Type returns = m.getGenericReturnType();
        if (returns == void.class) {
            responses.put("204", Map.of("description", "done"));
        } else if (returns == Response.class) {
            responses.put(verb.equals("post") ? "201" : "200", Map.of("description", "see docs/api.md",
                    "content", Map.of("application/json", Map.of())));
        } else {
            responses.put("200", Map.of("description", "ok", "content", Map.of("application/json", Map.of("schema", schema(returns)))));
        }
        responses.put("default", Map.of("description", "an error", "content",
                Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/ErrorDto")))));
        schema(io.tenmail.admin.api.dto.ErrorDto.class);
        op.put("responses", responses);
        if (m.isAnnotationPresent(PermitAll.class) || resource.isAnnotationPresent(PermitAll.class)) op.put("security", List.of());
        if (m.isAnnotationPresent(Audited.class)) op.put("x-audit-action", m.getAnnotation(Audited.class).value());
        return op;
    }

    private static String words(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /** The JSON schema of a Java type, records registered under components/schemas by simple name. */
    private Map<String, Object> schema(Type type) {
        if (type instanceof ParameterizedType pt) {
            Class<?> raw = (Class<?>) pt.getRawType();
            if (List.class.isAssignableFrom(raw)) return Map.of("type", "array", "items", schema(pt.getActualTypeArguments()[0]));
            if (raw.isRecord()) return schema(raw);
            return Map.of("type", "object");
        }
        if (!(type instanceof Class<?> c)) return Map.of("type", "object");   // a type variable, e.g. the T of PageDto<T>
        if (c == String.class) return Map.of("type", "string");
        if (c == long.class || c == Long.class || c == int.class || c == Integer.class) return Map.of("type", "integer");
        if (c == boolean.class || c == Boolean.class) return Map.of("type", "boolean");
        if (c == Instant.class) return Map.of("type", "string", "format", "date-time");
        if (c.isEnum()) return Map.of("type", "string");
        if (c.isRecord()) {
            String name = c.getSimpleName();
            if (c.getEnclosingClass() != null) name = c.getEnclosingClass().getSimpleName() + name;
            if (!schemas.containsKey(name)) {
                schemas.put(name, Map.of());   // placeholder first: records may refer to themselves
                Map<String, Object> properties = new LinkedHashMap<>();
                for (RecordComponent rc : c.getRecordComponents()) properties.put(rc.getName(), schema(rc.getGenericType()));
                schemas.put(name, Map.of("type", "object", "properties", properties));
            }
            return Map.of("$ref", "#/components/schemas/" + name);
        }
        return Map.of("type", "object");
    }
}
