package io.tenmail.admin.api.dto;

import io.tenmail.storage.model.NewAppPassword;

/** {@code {appPassword: AppPassword, secret}}: the only response that ever carries the secret. */
public record NewAppPasswordDto(AppPasswordDto appPassword, String secret) {
    public static NewAppPasswordDto from(NewAppPassword p) {
        return new NewAppPasswordDto(AppPasswordDto.from(p.appPassword()), p.secret());
    }
}
