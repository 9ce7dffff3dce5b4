package io.tenmail.admin.api;

import io.tenmail.admin.api.auth.BearerTokenFilter;
import io.tenmail.admin.api.errors.InvalidInputMapper;
import io.tenmail.admin.api.errors.StoreExceptionMapper;
import io.tenmail.admin.api.errors.UnexpectedExceptionMapper;
import io.tenmail.admin.api.errors.UnreadableBodyInterceptor;
import io.tenmail.admin.api.errors.WebApplicationExceptionMapper;
import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.MailboxStore;

import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.jsonb.JsonBindingFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;


/** The Jersey application of the admin API: every resource and provider, registered explicitly. */
public final class AdminApi {
    private AdminApi() {
    }

    /**
     * @param mailboxes may be null: accounts then have no {@code usedBytes}
     */
    public static ResourceConfig application(DirectoryAdmin directory, MailboxStore mailboxes, String platformToken) {
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

        config.register(new BearerTokenFilter(platformToken));
        config.register(ChangeLog.class);
        config.register(UnreadableBodyInterceptor.class);
        config.register(StoreExceptionMapper.class);
        config.register(InvalidInputMapper.class);
        config.register(WebApplicationExceptionMapper.class);
        config.register(UnexpectedExceptionMapper.class);

        // Resources are singletons built by injection from these three objects.
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(directory).to(DirectoryAdmin.class);
                bind(new PlatformScope(directory)).to(PlatformScope.class);
                bind(new AccountUsage(mailboxes)).to(AccountUsage.class);
            }
        });
        config.register(HealthResource.class);
        config.register(TenantsResource.class);
        config.register(DomainsResource.class);
        config.register(AccountsResource.class);
        config.register(AliasesResource.class);
        config.register(GroupsResource.class);
        return config;
    }
}
