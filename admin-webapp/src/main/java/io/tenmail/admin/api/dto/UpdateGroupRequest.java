package io.tenmail.admin.api.dto;

import java.util.List;

/** PUT /groups/{address}: {@code {displayName, members, sendPolicy}}, all required. */
public record UpdateGroupRequest(String displayName, List<String> members, String sendPolicy) {
}
