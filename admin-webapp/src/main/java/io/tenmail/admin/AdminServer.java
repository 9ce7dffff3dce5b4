package io.tenmail.admin;

import io.tenmail.admin.api.AdminApi;
import io.tenmail.admin.autoconfig.AutoconfigServlet;
import io.tenmail.admin.autoconfig.AutodiscoverServlet;
import io.tenmail.admin.autoconfig.ClientConfigs;
import io.tenmail.admin.console.ConsoleServlet;
import io.tenmail.admin.console.RootRedirectServlet;
import io.tenmail.admin.api.errors.JsonErrorPages;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.servlet.ServletContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.util.Objects;

/**
 * The admin HTTP server: Jetty 12 (ee10) with the Jersey admin API under {@code /api/v1} and the
 * browser console under {@code /console/}. Every API response is JSON, including Jetty's own error
 * pages.
 *
 * <p>Lifecycle: construct, {@link #start()} once, {@link #close()} once (idempotent). Not meant to
 * be restarted. {@link #port()} is valid after a successful start.
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
    /** Where the API lives. */
    static final String API_PATH = "/api/v1";
    /** Where the browser console lives; {@code /} redirects there. */
    static final String CONSOLE_PATH = "/console";
    /** The OpenAPI document of everything under {@link #API_PATH}. */
    static final String OPENAPI_PATH = "/api/openapi";

    private final AdminSettings settings;
    private final Server server;
    private final ServerConnector connector;
    private boolean started;

    /**
     * @param settings      where to listen, and the platform password policy
     * @param backend       the stores the API manages and the shared login throttle
     * @param platformToken the bearer token of the platform administrator
     */
    public AdminServer(AdminSettings settings, AdminBackend backend, String platformToken) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(backend, "backend");
        if (platformToken == null || platformToken.isBlank()) {
            throw new IllegalArgumentException("the platform administrator token is missing");
        }

        QueuedThreadPool threads = new QueuedThreadPool(32, 2);
        threads.setName("admin-http");
        server = new Server(threads);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.bindAddress());
        connector.setPort(settings.port());
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder("admin-api",
                new ServletContainer(AdminApi.application(backend, settings.passwordPolicy(), settings.mail(), platformToken))),
                API_PATH + "/*");
        context.addServlet(new ServletHolder("openapi", new OpenApiServlet("v1")), OPENAPI_PATH);
        context.addServlet(new ServletHolder("console", new ConsoleServlet()), CONSOLE_PATH + "/*");
        context.addServlet(new ServletHolder("root", new RootRedirectServlet()), "");   // "" is the exact root "/"
        settings.mail().map(ClientConfigs::new).ifPresent(configs -> {
            // the paths mail clients look for, before they have any credentials
            ServletHolder autoconfig = new ServletHolder("autoconfig", new AutoconfigServlet(backend.directory(), configs));
            context.addServlet(autoconfig, "/.well-known/autoconfig/mail/config-v1.1.xml");
            context.addServlet(autoconfig, "/mail/config-v1.1.xml");
            ServletHolder autodiscover = new ServletHolder("autodiscover", new AutodiscoverServlet(backend.directory(), configs));
            context.addServlet(autodiscover, "/autodiscover/autodiscover.xml");
            context.addServlet(autodiscover, "/Autodiscover/Autodiscover.xml");
        });
        // Paths outside the API, and errors Jetty raises itself, also answer in JSON.
        context.setErrorHandler(new JsonErrorPages.ForServlets());
        server.setErrorHandler(new JsonErrorPages.ForServer());
        server.setHandler(context);
    }

    /**
     * Binds the port and starts serving.
     *
     * @throws IllegalStateException when already started, or when the server cannot listen; the
     *                               message says which address and port and which key changes it
     */
    public synchronized void start() {
        if (started) throw new IllegalStateException("admin server already started");
        started = true;
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly();
            throw new IllegalStateException(cannotListen(e), e);
        }
        // the composition root logs the listener line operators read; this one is for debugging
        log.debug("admin API listening on http://{}:{}{}", settings.bindAddress(), port(), API_PATH);
    }

    private String cannotListen(Exception e) {
        String where = settings.bindAddress() + ":" + settings.port();
        if (hasCause(e, BindException.class) || e instanceof IOException) {
            return "admin HTTP server cannot listen on " + where + " (" + rootMessage(e) + "); set "
                    + AdminSettings.PORT_KEY + " to a free port, or " + AdminSettings.BIND_ADDRESS_KEY
                    + " to an address of this machine";
        }
        return "admin HTTP server failed to start on " + where + ": " + rootMessage(e);
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) return true;
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    /** The port actually bound (the ephemeral one when configured with port 0). */
    public synchronized int port() {
        if (!server.isStarted()) throw new IllegalStateException("admin server is not running");
        return connector.getLocalPort();
    }

    /** Stops serving and releases the port; safe to call more than once. */
    @Override
    public synchronized void close() {
        if (server.isStopped()) return;
        stopQuietly();
        log.debug("admin API stopped");
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (Exception e) {
            // Nothing more can be done while shutting down; say so, the port may stay bound.
            log.warn("admin HTTP server did not stop cleanly: {}", e.toString());
        }
    }
}
