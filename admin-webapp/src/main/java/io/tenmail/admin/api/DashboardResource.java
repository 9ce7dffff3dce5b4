package io.tenmail.admin.api;

import io.tenmail.admin.api.auth.AdminPrincipal;
import io.tenmail.admin.api.dto.DashboardDto;
import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.MailQueue;
import io.tenmail.storage.MailTraffic;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.Tenant;
import io.tenmail.storage.model.TenantId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * /dashboard: per tenant the caller administers, its domains, accounts and storage against its
 * limits; for the platform administrator also the queue's size and error repository. A few
 * counting queries per tenant, none per account.
 */
@Singleton
@Path("/dashboard")
@Produces(MediaType.APPLICATION_JSON)
public final class DashboardResource {
    private final DirectoryAdmin directory;
    private final MailQueue queue;
    private final Scope scope;
    private final TrafficFigures traffic;

    @Inject
    DashboardResource(DirectoryAdmin directory, MailQueue queue, Scope scope, TrafficFigures traffic) {
        this.directory = directory;
        this.queue = queue;
        this.scope = scope;
        this.traffic = traffic;
    }

    @GET
    public DashboardDto get(@Context SecurityContext security) throws StoreException {
        AdminPrincipal who = Who.of(security);
        List<DashboardDto.TenantSummary> tenants = new ArrayList<>();
        MailTraffic.Counts sum = MailTraffic.Counts.NONE;
        for (TenantId id : scope.tenants(who)) {
            Tenant t = directory.tenant(id);
            MailTraffic.Counts today = traffic.today(id);
            sum = sum.plus(today);
            tenants.add(new DashboardDto.TenantSummary(id.value(), t.name(), t.suspended(), directory.domains(id).size(),
                    directory.accounts(id, Optional.empty(), null, 0, 1).total(), t.maxAccounts(),
                    directory.storageUsed(id), t.maxStorageBytes(), new DashboardDto.Traffic(today.in(), today.out())));
        }
        MailTraffic.Counts total = who.isPlatform() ? traffic.totalToday() : sum;
        DashboardDto.QueueSummary q = who.isPlatform()
                ? new DashboardDto.QueueSummary(queue.size(), queue.list(MailQueue.ERROR, 0, 1).total())
                : null;
        return new DashboardDto(tenants, q, new DashboardDto.Traffic(total.in(), total.out()));
    }
}
