package io.tenmail.admin.api;

import io.tenmail.admin.autoconfig.DnsCheck;
import io.tenmail.storage.DkimKeys;
import io.tenmail.storage.StoreException;

import java.util.Optional;

/** The domains' DKIM keys and the DNS check, when the server has them (the running server always does). */
record DomainKeys(Optional<DkimKeys> keys, Optional<DnsCheck> dnsCheck) {
    DkimKeys required() throws StoreException {
        return keys.orElseThrow(() -> new StoreException(StoreException.Reason.NOT_FOUND, "this server keeps no DKIM keys"));
    }

    DnsCheck checker() throws StoreException {
        return dnsCheck.orElseThrow(() -> new StoreException(StoreException.Reason.NOT_FOUND, "this server has no DNS resolver to check with"));
    }
}
