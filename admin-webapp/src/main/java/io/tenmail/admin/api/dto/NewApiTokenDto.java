package io.tenmail.admin.api.dto;

/** {@code {token: ApiToken, secret}}: the answer to POST /tokens, the only time the secret is shown. */
public record NewApiTokenDto(ApiTokenDto token, String secret) {
}
