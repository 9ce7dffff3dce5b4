package io.tenmail.admin.autoconfig;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writing the autoconfig servlets' answers: an XML document, or a short plain-text refusal. */
final class Replies {
    private Replies() {
    }

    static void xml(HttpServletResponse response, String type, byte[] document) throws IOException {
        response.setStatus(200);
        response.setContentType(type + "; charset=utf-8");
        response.setContentLength(document.length);
        response.getOutputStream().write(document);
    }

    static void text(HttpServletResponse response, int status, String message) throws IOException {
        byte[] b = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.setContentLength(b.length);
        response.getOutputStream().write(b);
    }
}
