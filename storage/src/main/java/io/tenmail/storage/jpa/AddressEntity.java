package io.tenmail.storage.jpa;

import io.tenmail.storage.model.EmailAddress;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.Optional;

/**
 * A row of ADDRESS, the registry of every address an account, alias or group answers to. Its
 * unique ADDRESS_KEY (the case-insensitive {@link EmailAddress#key()} in the domain's own name)
 * is what makes an address belong to at most one of them on the whole platform; domain alias
 * names need no rows of their own, since they are read as the domain's own name.
 */
@Entity
@EntityListeners(CachedDataListener.class)
@Table(name = "ADDRESS")
class AddressEntity {

    /** What answers to an address; public because OpenJPA reads {@code values()} reflectively. */
    public enum Kind { ACCOUNT, ALIAS, MAIL_GROUP }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "TENANT_ID", nullable = false)
    private TenantEntity tenant;

    @ManyToOne(optional = false)
    @JoinColumn(name = "DOMAIN_ID", nullable = false)
    private DomainEntity domain;

    /** The local part as the administrator wrote it. */
    @Column(name = "LOCAL_PART", nullable = false, length = 64)
    private String localPart;

    @Column(name = "ADDRESS_KEY", nullable = false, length = 400)
    private String addressKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 10)
    private Kind kind;

    protected AddressEntity() {
    }

    AddressEntity(DomainEntity domain, String localPart, Kind kind) {
        this.tenant = domain.tenant();
        this.domain = domain;
        this.localPart = localPart;
        this.addressKey = keyOf(localPart, domain);
        this.kind = kind;
    }

    static String keyOf(String localPart, DomainEntity domain) {
        return new EmailAddress(localPart, domain.name()).key();
    }

    static Optional<AddressEntity> byKey(EntityManager em, String key) {
        return em.createQuery("SELECT a FROM AddressEntity a WHERE a.addressKey = :addressKey", AddressEntity.class)
                .setParameter("addressKey", key).getResultStream().findFirst();
    }

    static long countInDomain(EntityManager em, DomainEntity domain) {
        return em.createQuery("SELECT COUNT(a) FROM AddressEntity a WHERE a.domain = :domain", Long.class)
                .setParameter("domain", domain).getSingleResult();
    }

    long id() {
        return id;
    }

    TenantEntity tenant() {
        return tenant;
    }

    DomainEntity domain() {
        return domain;
    }

    String key() {
        return addressKey;
    }

    Kind kind() {
        return kind;
    }

    /** The address in the domain's own name, the local part spelled as created. */
    EmailAddress address() {
        return new EmailAddress(localPart, domain.name());
    }
}
