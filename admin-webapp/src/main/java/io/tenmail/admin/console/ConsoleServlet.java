package io.tenmail.admin.console;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@code GET /console/*}: the web console's static files (HTML, CSS, JavaScript modules, message
 * catalogs) from the class path folder {@value #ROOT}. No authentication: the files hold no data,
 * every datum comes from the API, which checks the caller.
 *
 * <p>Only names made of letters, digits, dots, dashes and underscores in at most two folders are
 * served (no {@code ..}, no directory listings); anything else is 404. Every answer forbids framing
 * and sets a Content-Security-Policy that allows scripts and styles from this origin only, so an
 * address or display name that slipped through as HTML could still not run script.
 */
public final class ConsoleServlet extends HttpServlet {
    /** Class path folder of the console's files. */
    static final String ROOT = "/io/tenmail/admin/console";
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
                    + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]*){1,3}");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "json", "application/json;charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            // "/console" without the slash: relative links in index.html need the folder form
            response.sendRedirect(request.getContextPath() + request.getServletPath() + "/");
            return;
        }
        if (path.equals("/")) path = "/index.html";
        String type = SAFE_PATH.matcher(path).matches() ? TYPES.get(extension(path)) : null;
        byte[] body = type == null ? null : read(path);
        if (body == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(type);
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        // a new server version may ship new files under the same names: always revalidate
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private byte[] read(String path) throws IOException {
        byte[] cached = cache.get(path);
        if (cached != null) return cached;
        try (InputStream in = ConsoleServlet.class.getResourceAsStream(ROOT + path)) {
            if (in == null) return null;
            byte[] body = in.readAllBytes();
            cache.put(path, body);
            return body;
        }
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1);
    }
}
