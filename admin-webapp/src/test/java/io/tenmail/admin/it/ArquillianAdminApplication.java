package io.tenmail.admin.it;

import io.tenmail.admin.AdminSettings;
import io.tenmail.admin.api.AdminApi;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The admin API as a plain web application for the Arquillian test: the servlet container builds
 * it by name (web.xml), so it needs a no-argument constructor.
 */
public class ArquillianAdminApplication extends ResourceConfig {
    public ArquillianAdminApplication() {
        super(AdminApi.application(ApiFixture.newBackend(), AdminSettings.DEFAULT_PASSWORD_POLICY, java.util.Optional.empty(), ApiFixture.TOKEN));
    }
}
