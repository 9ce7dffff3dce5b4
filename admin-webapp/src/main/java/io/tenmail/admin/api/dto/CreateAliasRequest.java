package io.tenmail.admin.api.dto;

import java.util.List;

/** POST /aliases: {@code {address, targets}}. */
public record CreateAliasRequest(String address, List<String> targets) {
}
