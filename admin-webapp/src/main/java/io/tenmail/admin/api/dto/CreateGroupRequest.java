package io.tenmail.admin.api.dto;

import java.util.List;

/** POST /groups: {@code {address, displayName?, members, sendPolicy?}}; the default policy is ANYONE. */
public record CreateGroupRequest(String address, String displayName, List<String> members, String sendPolicy) {
}
