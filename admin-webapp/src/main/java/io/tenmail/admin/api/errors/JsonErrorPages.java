package io.tenmail.admin.api.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Jetty's error pages in the API's JSON shape instead of HTML: for paths no servlet serves
 * ({@link ForServlets}) and for requests Jetty refuses before any context sees them, such as a
 * malformed request line or an ambiguous URI ({@link ForServer}). Messages are generic and never
 * include the exception.
 */
public final class JsonErrorPages {
    private static final Logger log = LoggerFactory.getLogger(JsonErrorPages.class);
    private static final String JSON_UTF8 = "application/json;charset=utf-8";

    private JsonErrorPages() {
    }

    static String message(int status) {
        if (status == 404) return "not found";
        String reason = HttpStatus.getMessage(status);
        return reason == null ? "error " + status : reason.toLowerCase(Locale.ROOT);
    }

    private static String internalErrorMessage(Throwable cause) {
        String ref = ErrorResponses.newReference();
        log.error("internal error outside the API, ref {}", ref, cause);
        return "internal error, ref " + ref;
    }

    /** Error pages inside the servlet context. */
    public static final class ForServlets extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected void generateAcceptableResponse(ServletContextRequest baseRequest, HttpServletRequest request,
                                                  HttpServletResponse response, int code, String message) throws IOException {
            Throwable cause = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            String text = code >= 500 && cause != null ? internalErrorMessage(cause) : message(code);
            response.setContentType(JSON_UTF8);
            byte[] body = ErrorResponses.body(code, text).getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    /** Error pages for requests refused at the server level. */
    public static final class ForServer extends org.eclipse.jetty.server.handler.ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int code = response.getStatus();
            Throwable cause = (Throwable) request.getAttribute(ERROR_EXCEPTION);
            if (cause instanceof HttpException httpException) {
                code = httpException.getCode();
                response.setStatus(code);
            }
            if (HttpStatus.hasNoBody(code) || "HEAD".equals(request.getMethod())) {
                callback.succeeded();
                return true;
            }
            String text = code >= 500 && cause != null && !(cause instanceof HttpException) ? internalErrorMessage(cause) : message(code);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON_UTF8);
            response.getHeaders().put(ERROR_CACHE_CONTROL);
            response.write(true, ByteBuffer.wrap(ErrorResponses.body(code, text).getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
    }
}
