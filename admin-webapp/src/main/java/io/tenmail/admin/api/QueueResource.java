package io.tenmail.admin.api;

import io.tenmail.admin.api.dto.PageDto;
import io.tenmail.admin.api.dto.QueueEntryDto;
import io.tenmail.storage.MailQueue;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.Page;
import io.tenmail.storage.model.QueueEntry;
import io.tenmail.storage.model.QueueEntryId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * /queue: the mail queue and, in processor {@code error}, the error repository: list, retry now,
 * delete. Platform administrator only, by design: one queued mail can have recipients in several
 * tenants, and its envelope sender proves nothing (anyone can write any sender), so no tenant can
 * be shown, retried or deleted a mail "of theirs" without touching other tenants' mail or letting a
 * forged sender decide who sees it. Domain administrators see their tenant's traffic in the audit
 * log and the dashboard instead.
 */
@Singleton
@Path("/queue")
@Produces(MediaType.APPLICATION_JSON)
public final class QueueResource {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final MailQueue queue;

    @Inject
    QueueResource(MailQueue queue) {
        this.queue = queue;
    }

    /** Entries of one processor ({@code error} for the error repository) or of all, oldest first. */
    @GET
    public PageDto<QueueEntryDto> list(@QueryParam("processor") String processor, @QueryParam("offset") String offsetParam,
                                       @QueryParam("limit") String limitParam, @Context SecurityContext security) throws StoreException {
        Who.of(security).requirePlatform();
        int offset = Input.intParam("offset", offsetParam, 0, 0, Integer.MAX_VALUE);
        int limit = Input.intParam("limit", limitParam, DEFAULT_LIMIT, 1, MAX_LIMIT);
        String p = processor == null || processor.isBlank() ? null : processor.strip();
        Page<QueueEntry> page = queue.list(p, offset, limit);
        return new PageDto<>(page.items().stream().map(QueueEntryDto::from).toList(), page.total(), offset, limit);
    }

    /** Makes the entry due now; an entry of the error repository goes back to {@code root}. */
    @POST
    @Audited("queue.retry")
    @Path("{id}/retry")
    public void retry(@PathParam("id") String id, @Context SecurityContext security) throws StoreException {
        Who.of(security).requirePlatform();
        queue.retryNow(new QueueEntryId(Input.pathId("queue entry", id)));
    }

    @DELETE
    @Audited("queue.delete")
    @Path("{id}")
    public void delete(@PathParam("id") String id, @Context SecurityContext security) throws StoreException {
        Who.of(security).requirePlatform();
        queue.delete(new QueueEntryId(Input.pathId("queue entry", id)));
    }
}
