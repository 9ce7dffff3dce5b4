package io.tenmail.admin.api;

import io.tenmail.admin.autoconfig.ClientConfigs;

import java.util.Optional;

/** The client configuration documents, when the server knows its host name and ports (the running server always does). */
record MailSetup(Optional<ClientConfigs> configs) {
}
