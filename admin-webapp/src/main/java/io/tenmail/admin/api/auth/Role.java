package io.tenmail.admin.api.auth;

/** What a caller may do, from most to least. */
public enum Role {
    /** every tenant, every domain, the mail queue */
    PLATFORM_ADMIN,
    /** the domains of one tenant, their accounts, aliases and groups */
    DOMAIN_ADMIN,
    /** self-service of one's own account */
    USER;

    /** The lesser of this role and {@code other}: what a token created by {@code this} may do when its owner now has {@code other}. */
    public Role atMost(Role other) {
        return ordinal() >= other.ordinal() ? this : other;
    }

    /** The role named {@code name}, or USER (the least) for a name that is not one. */
    public static Role parse(String name) {
        for (Role r : values()) if (r.name().equals(name)) return r;
        return USER;
    }
}
