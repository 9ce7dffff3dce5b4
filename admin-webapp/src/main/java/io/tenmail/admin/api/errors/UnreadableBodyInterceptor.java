package io.tenmail.admin.api.errors;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a request body that cannot be read (empty, {@code null}, not JSON, or JSON of the wrong
 * shape) into a 400 {@link InvalidInputException}. Done around reading, not in a mapper of
 * {@link ProcessingException}, because that exception also signals failures while writing
 * responses, which are bugs (500).
 */
@Provider
public final class UnreadableBodyInterceptor implements ReaderInterceptor {
    /** Yasson's "Unable to deserialize property 'quotaBytes' because of: ..." */
    private static final Pattern PROPERTY = Pattern.compile("property '([A-Za-z0-9_]+)'");

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body;
        try {
            body = context.proceed();
        } catch (NoContentException e) {
            throw InvalidInputException.ofBody("request body is missing");
        } catch (ProcessingException | JsonbException e) {
            throw describe(e);
        }
        if (body == null) throw InvalidInputException.ofBody("request body is missing");
        return body;
    }

    /**
     * The parser's words (they give the position), or the property the binder could not fill;
     * never the binder's own message, which names Java classes.
     */
    static InvalidInputException describe(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof JsonParsingException p) return InvalidInputException.ofBody("malformed JSON: " + p.getMessage());
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            Matcher m = c.getMessage() == null ? null : PROPERTY.matcher(c.getMessage());
            if (m != null && m.find()) return new InvalidInputException(m.group(1), "has a value of the wrong type");
        }
        return InvalidInputException.ofBody("expected a JSON object with the fields of this request");
    }
}
