package io.tenmail.storage.model;

/** A freshly created app password together with its clear-text secret, which is never stored. */
public record NewAppPassword(AppPassword appPassword, String secret) {
}
