package io.tenmail.admin.api.dto;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code {"error": "human readable message", "code": "domain.exists", "params": {"name": "..."}}}:
 * the body of every error response. {@code error} is English for people and scripts that show it;
 * {@code code} is stable, for clients that translate (the console does); {@code params} are the
 * values the translation names, absent when there are none. Codes: docs/api.md, "Errors".
 */
@JsonbPropertyOrder({"error", "code", "params"})
public record ErrorDto(String error, String code, Map<String, String> params) {
    public ErrorDto {
        params = params == null || params.isEmpty() ? null : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public ErrorDto(String error) {
        this(error, null, null);
    }
}
