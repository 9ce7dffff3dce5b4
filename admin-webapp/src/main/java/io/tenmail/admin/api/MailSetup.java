package io.tenmail.admin.api;

import io.tenmail.admin.autoconfig.ClientConfigs;
import io.tenmail.admin.autoconfig.DnsRecords;
import io.tenmail.admin.autoconfig.MailEndpoints;

import java.util.Optional;

/**
 * The client configuration documents and DNS records, when the server knows its host name and
 * ports (the running server always does).
 */
record MailSetup(Optional<ClientConfigs> configs, Optional<DnsRecords> dns) {
    static MailSetup of(Optional<MailEndpoints> mail) {
        return new MailSetup(mail.map(ClientConfigs::new), mail.map(DnsRecords::new));
    }
}
