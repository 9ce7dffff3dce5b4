package io.tenmail.storage.model;

/** Who a successful login is: the account, its tenant and address. */
public record Principal(AccountId account, TenantId tenant, EmailAddress address) {
}
