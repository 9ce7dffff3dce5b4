package io.tenmail.admin.api;

import io.tenmail.storage.MailTraffic;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.TenantId;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/** Today's (UTC) messages in and out, when the server counts them (the running server always does). */
record TrafficFigures(Optional<MailTraffic> traffic) {
    MailTraffic.Counts today(TenantId tenant) throws StoreException {
        return traffic.isEmpty() ? MailTraffic.Counts.NONE : traffic.get().of(tenant, today());
    }

    MailTraffic.Counts totalToday() throws StoreException {
        return traffic.isEmpty() ? MailTraffic.Counts.NONE : traffic.get().total(today());
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(Clock.systemUTC().instant(), ZoneOffset.UTC);
    }
}
