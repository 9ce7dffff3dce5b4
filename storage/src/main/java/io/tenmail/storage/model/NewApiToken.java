package io.tenmail.storage.model;

/** A token just created, with its secret: the only time the secret exists outside the client. */
public record NewApiToken(ApiToken token, String secret) {
}
