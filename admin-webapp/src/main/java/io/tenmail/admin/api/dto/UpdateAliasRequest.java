package io.tenmail.admin.api.dto;

import java.util.List;

/** PUT /aliases/{address}: {@code {targets}}. */
public record UpdateAliasRequest(List<String> targets) {
}
