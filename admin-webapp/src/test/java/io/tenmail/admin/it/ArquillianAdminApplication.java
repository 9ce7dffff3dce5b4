package io.tenmail.admin.it;

import io.tenmail.admin.api.AdminApi;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The admin API as a plain web application for the Arquillian test: the servlet container builds
 * it by name (web.xml), so it needs a no-argument constructor.
 */
public class ArquillianAdminApplication extends ResourceConfig {
    public ArquillianAdminApplication() {
        super(AdminApi.application(ApiFixture.newDirectoryAdmin(), null, ApiFixture.TOKEN));
    }
}
