package io.tenmail.admin.api;

import io.tenmail.admin.AdminBackend;
import io.tenmail.admin.autoconfig.MailEndpoints;
import io.tenmail.admin.api.auth.AuthenticationFilter;
import io.tenmail.admin.api.auth.Callers;
import io.tenmail.admin.api.auth.ConsoleSessions;
import io.tenmail.admin.api.auth.PlatformToken;
import io.tenmail.admin.api.errors.AccessDeniedMapper;
import io.tenmail.admin.api.errors.InvalidInputMapper;
import io.tenmail.admin.api.errors.StoreExceptionMapper;
import io.tenmail.admin.api.errors.StoreFailureMapper;
import io.tenmail.admin.api.errors.TooManyAttemptsMapper;
import io.tenmail.admin.api.errors.UnexpectedExceptionMapper;
import io.tenmail.admin.api.errors.UnreadableBodyInterceptor;
import io.tenmail.admin.api.errors.WebApplicationExceptionMapper;
import io.tenmail.protocol.auth.LoginThrottle;
import io.tenmail.storage.ApiTokens;
import io.tenmail.storage.AuditLog;
import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.MailQueue;
import io.tenmail.storage.model.PasswordPolicy;
import org.glassfish.jersey.CommonProperties;
import io.tenmail.admin.autoconfig.DnsCheck;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.jsonb.JsonBindingFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

import java.time.Clock;
import java.util.List;
import java.util.Optional;


/** The Jersey application of the admin API: every resource and provider, registered explicitly. */
public final class AdminApi {
    /** Every resource class, in the order the API document lists them. */
    public static final List<Class<?>> RESOURCES = List.of(HealthResource.class, SessionResource.class, TokensResource.class,
            SelfResource.class, DashboardResource.class, TenantsResource.class, DomainsResource.class, AccountsResource.class,
            AliasesResource.class, GroupsResource.class, QueueResource.class, AuditResource.class, DomainSpamResource.class,
            DomainSpamListsResource.class, AccountSpamResource.class);

    private AdminApi() {
    }

    /**
     * @param mail where mail clients reach the server, for GET /self/mobileconfig; empty: 404 there
     */
    public static ResourceConfig application(AdminBackend backend, PasswordPolicy platformPolicy, Optional<MailEndpoints> mail,
                                             String platformToken) {
        ResourceConfig config = new ResourceConfig();
        config.setApplicationName("tenmail-admin-api");
        // Everything is listed here; nothing is discovered from the classpath.
        config.property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        config.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        // Errors keep our JSON body instead of going through the servlet container's error page.
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);

        config.register(JsonBindingFeature.class);
        config.register(JsonConfig.class);

        DirectoryAdmin directory = backend.directory();
        PlatformToken token = new PlatformToken(platformToken);
        ConsoleSessions sessions = ConsoleSessions.withDefaults();
        Callers callers = new Callers(directory);
        config.register(new AuditTrail(backend.auditLog(), Clock.systemUTC()));
        config.register(new AuthenticationFilter(token, backend.apiTokens(), sessions, callers));
        config.register(ChangeLog.class);
        config.register(UnreadableBodyInterceptor.class);
        config.register(StoreExceptionMapper.class);
        config.register(StoreFailureMapper.class);
        config.register(AccessDeniedMapper.class);
        config.register(TooManyAttemptsMapper.class);
        config.register(InvalidInputMapper.class);
        config.register(WebApplicationExceptionMapper.class);
        config.register(UnexpectedExceptionMapper.class);

        // Resources are singletons built by injection from these objects.
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(directory).to(DirectoryAdmin.class);
                bind(backend.queue()).to(MailQueue.class);
                bind(backend.auditLog()).to(AuditLog.class);
                bind(backend.apiTokens()).to(ApiTokens.class);
                bind(backend.throttle()).to(LoginThrottle.class);
                bind(token).to(PlatformToken.class);
                bind(sessions).to(ConsoleSessions.class);
                bind(callers).to(Callers.class);
                bind(new Scope(directory)).to(Scope.class);
                bind(new PasswordRules(platformPolicy, directory)).to(PasswordRules.class);
                bind(new AccountUsage(backend.mailboxes())).to(AccountUsage.class);
                bind(MailSetup.of(mail)).to(MailSetup.class);
                bind(new TrafficFigures(Optional.ofNullable(backend.traffic()))).to(TrafficFigures.class);
                bind(new DomainKeys(Optional.ofNullable(backend.dkimKeys()),
                        Optional.ofNullable(backend.dns()).map(DnsCheck::new))).to(DomainKeys.class);
            }
        });
        RESOURCES.forEach(config::register);
        return config;
    }
}
