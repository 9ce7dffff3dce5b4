package io.tenmail.admin.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that changes something: {@link AuditTrail} stores an audit event for
 * each call, named by {@link #value()} ({@code account.create}, {@code queue.retry} ...). Every
 * method other than GET carries it; {@code AuditCoverageTest} checks.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Audited {
    /** The action, a dotted name: the thing, then the verb. */
    String value();
}
