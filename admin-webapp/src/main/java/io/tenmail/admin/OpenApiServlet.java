package io.tenmail.admin;

import io.tenmail.admin.api.OpenApiDocument;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /api/openapi}: the API's OpenAPI document, built once; no authentication (it holds no data). */
final class OpenApiServlet extends HttpServlet {
    private final byte[] document;

    OpenApiServlet(String version) {
        this.document = OpenApiDocument.json(version).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(document.length);
        response.getOutputStream().write(document);
    }
}
