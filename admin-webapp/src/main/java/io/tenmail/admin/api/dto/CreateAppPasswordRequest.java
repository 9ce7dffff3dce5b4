package io.tenmail.admin.api.dto;

import java.util.List;

/**
 * POST /accounts/{address}/app-passwords: {@code {label, protocols?, allowedNetworks?, expires?}};
 * no protocols means all of them, no networks means anywhere, no expiry means never.
 */
public record CreateAppPasswordRequest(String label, List<String> protocols, List<String> allowedNetworks,
                                       String expires) {
}
