package io.tenmail.admin.api;

import io.tenmail.admin.api.dto.CatchAllRequest;
import io.tenmail.admin.api.dto.CreateDomainRequest;
import io.tenmail.admin.api.dto.DomainAliasRequest;
import io.tenmail.admin.api.dto.DkimDto;
import io.tenmail.admin.api.dto.DnsCheckDto;
import io.tenmail.admin.autoconfig.DnsCheck;
import io.tenmail.admin.api.dto.DnsRecordDto;
import io.tenmail.admin.api.dto.DomainDto;
import io.tenmail.admin.autoconfig.DnsRecords;
import io.tenmail.admin.api.errors.InvalidInputException;
import io.tenmail.admin.api.auth.AdminPrincipal;
import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.DkimKeys;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.DkimKey;
import io.tenmail.storage.model.Domain;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.Tenant;
import io.tenmail.storage.model.TenantId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** /domains: mail domains by name, with their alias domains and catch-all address. */
@Singleton
@Path("/domains")
@Produces(MediaType.APPLICATION_JSON)
public final class DomainsResource {
    private static final Logger log = LoggerFactory.getLogger(DomainsResource.class);

    private final DirectoryAdmin directory;
    private final Scope scope;
    private final MailSetup mail;
    private final DomainKeys dkim;

    @Inject
    DomainsResource(DirectoryAdmin directory, Scope scope, MailSetup mail, DomainKeys dkim) {
        this.directory = directory;
        this.scope = scope;
        this.mail = mail;
        this.dkim = dkim;
    }

    /** The DNS records the domain should publish for this server (MX, SPF, DMARC, DKIM, autoconfig, SRV). */
    @GET
    @Path("{name}/dns")
    public List<DnsRecordDto> dnsRecords(@PathParam("name") String name, @Context SecurityContext security) throws StoreException {
        return expectedRecords(domain(Who.of(security), name)).stream().map(DnsRecordDto::from).toList();
    }

    /**
     * The same records, each looked up through the server's resolvers ({@code tenmail.dns.resolvers}):
     * what was found of its kind and whether it is ok, missing, different or could not be looked up.
     */
    @GET
    @Path("{name}/dns/check")
    public List<DnsCheckDto> checkDns(@PathParam("name") String name, @Context SecurityContext security) throws StoreException {
        Domain d = domain(Who.of(security), name);
        DnsCheck checker = dkim.checker();
        return checker.check(expectedRecords(d)).stream().map(DnsCheckDto::from).toList();
    }

    private List<DnsRecords.Record> expectedRecords(Domain d) throws StoreException {
        DnsRecords records = mail.dns().orElseThrow(() ->
                new StoreException(StoreException.Reason.NOT_FOUND, "this server has no host name and ports to publish"));
        List<DnsRecords.Record> expected = new ArrayList<>(records.expected(d.name()));
        if (dkim.keys().isPresent()) {
            for (DkimKey k : dkim.keys().get().published(d.tenant(), d.id())) {
                expected.add(new DnsRecords.Record(k.dnsName() + ".", "TXT", k.dnsRecord(), k.state() == DkimKey.State.ACTIVE
                        ? "DKIM: the key this server signs the domain's mail with (RFC 6376)"
                        : "DKIM: a retired key, kept published until mail signed with it has arrived (RFC 6376 §3.6.1)"));
            }
        }
        return expected;
    }

    /** The domain's DKIM selectors to publish: the active one, and retired ones in their grace period. */
    @GET
    @Path("{name}/dkim")
    public DkimDto dkim(@PathParam("name") String name, @Context SecurityContext security) throws StoreException {
        Domain d = domain(Who.of(security), name);
        return DkimDto.from(d.name(), dkim.required().published(d.tenant(), d.id()));
    }

    /**
     * A new DKIM key signs from now on; the previous one stays published (and listed) for
     * {@link io.tenmail.storage.DkimKeys#GRACE} so that mail already signed with it still verifies.
     */
    @POST
    @Audited("domain.dkim.rotate")
    @Path("{name}/dkim/rotate")
    public DkimDto rotateDkim(@PathParam("name") String name, @Context SecurityContext security) throws StoreException {
        Domain d = domain(Who.of(security), name);
        AuditNotes.target(d.name());
        DkimKeys keys = dkim.required();
        keys.rotate(d.tenant(), d.id());
        return DkimDto.from(d.name(), keys.published(d.tenant(), d.id()));
    }

    /** The domains of one tenant, or of all tenants, ordered by name. */
    @GET
    public List<DomainDto> list(@QueryParam("tenant") String tenant, @Context SecurityContext security) throws StoreException {
        List<Domain> domains = new ArrayList<>();
        for (Scope.Part part : scope.listing(Who.of(security), null, tenant)) domains.addAll(directory.domains(part.tenant()));
        return domains.stream().sorted(Comparator.comparing(Domain::name)).map(DomainDto::from).toList();
    }

    /** Creates a domain in the given tenant, or in a new tenant named after the domain. */
    @POST
    @Audited("domain.create")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateDomainRequest body, @Context UriInfo uri,
                           @Context SecurityContext security) throws StoreException {
        // Claiming a domain name changes where mail for it goes, for every tenant: platform only.
        Who.of(security).requirePlatform();
        String name = Input.domainName("name", body.name());
        AuditNotes.target(name);
        Domain created = body.tenant() == null
                ? createWithOwnTenant(name)
                : directory.createDomain(new TenantId(positive(body.tenant())), name);
        AuditNotes.tenant(created.tenant());
        return Response.created(uri.getAbsolutePathBuilder().segment(created.name()).build())
                .entity(DomainDto.from(created)).build();
    }

    private static long positive(long id) {
        if (id <= 0) throw new InvalidInputException("tenant", "not an id: " + id);
        return id;
    }

    /**
     * Two port calls, so not atomic: the duplicate check comes first, and when the domain cannot
     * be created after all, the tenant made for it is removed again.
     */
    private Domain createWithOwnTenant(String name) throws StoreException {
        if (directory.findDomain(name).isPresent()) {
            throw new StoreException(StoreException.Reason.ALREADY_EXISTS, "domain " + name + " already exists");
        }
        Tenant tenant = directory.createTenant(name, 0, 0);
        try {
            return directory.createDomain(tenant.id(), name);
        } catch (StoreException | RuntimeException e) {
            try {
                directory.deleteTenant(tenant.id());
            } catch (StoreException cleanup) {
                e.addSuppressed(cleanup);
                log.warn("tenant {} ({}) was created for domain {} and could not be removed after the domain failed: {}",
                        tenant.id().value(), name, name, cleanup.getMessage());
            }
            throw e;
        }
    }

    @GET
    @Path("{name}")
    public DomainDto get(@PathParam("name") String name, @Context SecurityContext security) throws StoreException {
        return DomainDto.from(domain(Who.of(security), name));
    }

    /** Deletes a domain that has no accounts, aliases or groups left (409 otherwise). */
    @DELETE
    @Audited("domain.delete")
    @Path("{name}")
    public void delete(@PathParam("name") String name, @Context SecurityContext security) throws StoreException {
        Domain d = domain(Who.of(security).requirePlatform(), name);
        directory.deleteDomain(d.tenant(), d.id());
    }

    @POST
    @Audited("domain.alias.add")
    @Path("{name}/aliases")
    @Consumes(MediaType.APPLICATION_JSON)
    public DomainDto addAlias(@PathParam("name") String name, DomainAliasRequest body,
                              @Context SecurityContext security) throws StoreException {
        // an alias name claims a domain just as a new domain does: platform only
        Domain d = domain(Who.of(security).requirePlatform(), name);
        String alias = Input.domainName("name", body.name());
        return DomainDto.from(directory.addDomainAlias(d.tenant(), d.id(), alias));
    }

    @DELETE
    @Audited("domain.alias.remove")
    @Path("{name}/aliases/{alias}")
    public DomainDto removeAlias(@PathParam("name") String name, @PathParam("alias") String alias,
                                 @Context SecurityContext security) throws StoreException {
        Domain d = domain(Who.of(security), name);
        String aliasName = Input.pathDomain(alias);
        if (!d.aliases().contains(aliasName)) {
            throw new StoreException(StoreException.Reason.NOT_FOUND, "domain " + d.name() + " has no alias " + aliasName);
        }
        return DomainDto.from(directory.removeDomainAlias(d.tenant(), d.id(), aliasName));
    }

    /** Sets ({@code {"target":"a@b"}}) or removes ({@code {"target":null}}) the catch-all address. */
    @PUT
    @Audited("domain.catch-all.set")
    @Path("{name}/catch-all")
    @Consumes(MediaType.APPLICATION_JSON)
    public DomainDto setCatchAll(@PathParam("name") String name, CatchAllRequest body,
                                 @Context SecurityContext security) throws StoreException {
        Optional<EmailAddress> target = body.target() == null || body.target().isBlank()
                ? Optional.empty()
                : Optional.of(Input.address("target", body.target()));
        Domain d = domain(Who.of(security), name);
        return DomainDto.from(directory.setCatchAll(d.tenant(), d.id(), target));
    }

    private Domain domain(AdminPrincipal who, String pathName) throws StoreException {
        return scope.domainNamed(who, Input.pathDomain(pathName));
    }
}
