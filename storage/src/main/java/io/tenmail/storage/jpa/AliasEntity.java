package io.tenmail.storage.jpa;

import io.tenmail.storage.model.Alias;
import io.tenmail.storage.model.AliasId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** A row of MAIL_ALIAS: an address that forwards; its targets are rows of ALIAS_TARGET. */
@Entity
@EntityListeners(CachedDataListener.class)
@Table(name = "MAIL_ALIAS")
class AliasEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "ADDRESS_ID", nullable = false, unique = true)
    private AddressEntity address;

    @Column(name = "CREATED", nullable = false)
    private LocalDateTime created;

    protected AliasEntity() {
    }

    AliasEntity(AddressEntity address, Instant created) {
        this.address = address;
        this.created = DbTime.toDb(created);
    }

    /** The alias with this id if it belongs to {@code tenant}: another tenant's is as good as missing. */
    static Optional<AliasEntity> find(EntityManager em, TenantId tenant, AliasId id) {
        AliasEntity a = em.find(AliasEntity.class, id.value());
        return a != null && a.address.tenant().id() == tenant.value() ? Optional.of(a) : Optional.empty();
    }

    static Optional<AliasEntity> byAddress(EntityManager em, AddressEntity address) {
        return em.createQuery("SELECT a FROM AliasEntity a WHERE a.address = :address", AliasEntity.class)
                .setParameter("address", address).getResultStream().findFirst();
    }

    static List<AliasEntity> ofTenant(EntityManager em, TenantId tenant, Optional<DomainEntity> domain) {
        var q = em.createQuery("SELECT a FROM AliasEntity a WHERE a.address.tenant.id = :tenant"
                + (domain.isPresent() ? " AND a.address.domain = :domain" : "") + " ORDER BY a.address.addressKey", AliasEntity.class);
        q.setParameter("tenant", tenant.value());
        domain.ifPresent(d -> q.setParameter("domain", d));
        return q.getResultList();
    }

    long id() {
        return id;
    }

    AliasId aliasId() {
        return new AliasId(id);
    }

    AddressEntity address() {
        return address;
    }

    Alias toModel(List<EmailAddress> targets) {
        return new Alias(aliasId(), address.tenant().tenantId(), address.address(), targets);
    }
}
