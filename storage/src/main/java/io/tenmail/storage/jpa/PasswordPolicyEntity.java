package io.tenmail.storage.jpa;

import io.tenmail.storage.model.PasswordPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of PASSWORD_POLICY: how a tenant tightens the platform's password policy. */
@Entity
@Table(name = "PASSWORD_POLICY")
class PasswordPolicyEntity {
    @Id
    @Column(name = "TENANT_ID")
    private long tenantId;

    @Column(name = "MIN_LENGTH", nullable = false)
    private int minLength;

    @Column(name = "MIN_CLASSES", nullable = false)
    private int minClasses;

    protected PasswordPolicyEntity() {
    }

    PasswordPolicyEntity(long tenantId, PasswordPolicy policy) {
        this.tenantId = tenantId;
        set(policy);
    }

    void set(PasswordPolicy policy) {
        this.minLength = policy.minLength();
        this.minClasses = policy.minClasses();
    }

    PasswordPolicy toModel() {
        return new PasswordPolicy(minLength, minClasses);
    }
}
