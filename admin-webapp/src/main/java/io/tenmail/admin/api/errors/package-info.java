/**
 * How failures become responses, each kind in one place: {@link io.tenmail.admin.api.errors.StoreExceptionMapper}
 * for storage outcomes, {@link io.tenmail.admin.api.errors.InvalidInputMapper} for bad request bodies and
 * parameters, {@link io.tenmail.admin.api.errors.WebApplicationExceptionMapper} for what JAX-RS itself
 * refuses, {@link io.tenmail.admin.api.errors.UnexpectedExceptionMapper} for bugs, and
 * {@link io.tenmail.admin.api.errors.JsonErrorPages} for errors raised by Jetty outside Jersey.
 * Every body is {@code {"error": "..."}}; no response ever carries a stack trace.
 */
package io.tenmail.admin.api.errors;
