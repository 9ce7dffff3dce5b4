package io.tenmail.admin.api;

import io.tenmail.storage.model.TenantId;

import java.util.Optional;

/**
 * What the service layer learns during a request that the audit log needs afterwards: the tenant
 * concerned, and a better target or detail than the path gives. Per request thread: Jersey runs
 * a synchronous request's filters, resource method and response filters on one thread, and
 * {@link AuditTrail} starts and clears the notes around each request.
 */
final class AuditNotes {
    private static final ThreadLocal<AuditNotes> CURRENT = new ThreadLocal<>();

    Optional<TenantId> tenant = Optional.empty();
    Optional<String> target = Optional.empty();
    Optional<String> actor = Optional.empty();
    Optional<String> actorRole = Optional.empty();
    String detail = "";

    static void begin() {
        CURRENT.set(new AuditNotes());
    }

    static Optional<AuditNotes> end() {
        AuditNotes n = CURRENT.get();
        CURRENT.remove();
        return Optional.ofNullable(n);
    }

    private static void with(java.util.function.Consumer<AuditNotes> change) {
        AuditNotes n = CURRENT.get();
        if (n != null) change.accept(n);
    }

    /** The tenant the change concerns (the first one noted wins: that is the one the request named). */
    static void tenant(TenantId t) {
        with(n -> { if (n.tenant.isEmpty()) n.tenant = Optional.of(t); });
    }

    static void target(String t) {
        with(n -> n.target = Optional.of(t));
    }

    /** The target, unless one was noted already (the first address a request names is its subject). */
    static void targetIfAbsent(String t) {
        with(n -> { if (n.target.isEmpty()) n.target = Optional.of(t); });
    }

    /** Who acted, when the request itself is not authenticated (a login names the address it tries). */
    static void actor(String a) {
        with(n -> n.actor = Optional.of(a));
    }

    /** The actor's role, when the request itself is not authenticated (a successful login names the role it got). */
    static void actorRole(String role) {
        with(n -> n.actorRole = Optional.of(role));
    }

    static void detail(String d) {
        with(n -> n.detail = d);
    }
}
