package io.tenmail.admin.api.dto;

import java.util.List;

/**
 * PATCH /accounts/{address}: {@code {displayName?, enabled?, quotaBytes?, protocols?,
 * appPasswordRequired?}}; an absent (or null) field is left as it is.
 */
public record PatchAccountRequest(String displayName, Boolean enabled, Long quotaBytes, List<String> protocols,
                                  Boolean appPasswordRequired) {
}
