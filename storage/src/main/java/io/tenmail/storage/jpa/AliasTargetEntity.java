package io.tenmail.storage.jpa;

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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A row of ALIAS_TARGET: one address an alias forwards to, local or external, in the order the
 * administrator listed them. A target is an address, not a reference to a row, so it may name
 * another tenant's address or one outside the platform.
 */
@Entity
@EntityListeners(CachedDataListener.class)
@Table(name = "ALIAS_TARGET")
class AliasTargetEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "ALIAS_ID", nullable = false)
    private AliasEntity alias;

    @Column(name = "ITEM_INDEX", nullable = false)
    private int itemIndex;

    @Column(name = "ADDRESS", nullable = false, length = 400)
    private String address;

    @Column(name = "ADDRESS_KEY", nullable = false, length = 400)
    private String addressKey;

    protected AliasTargetEntity() {
    }

    AliasTargetEntity(AliasEntity alias, int index, EmailAddress target) {
        this.alias = alias;
        this.itemIndex = index;
        this.address = target.toString();
        this.addressKey = target.key();
    }

    static List<AliasTargetEntity> of(EntityManager em, AliasEntity alias) {
        return em.createQuery("SELECT t FROM AliasTargetEntity t WHERE t.alias = :alias ORDER BY t.itemIndex", AliasTargetEntity.class)
                .setParameter("alias", alias).getResultList();
    }

    /** The targets of all the tenant's aliases (in one domain if given), for listing them at once. */
    static List<AliasTargetEntity> ofTenant(EntityManager em, TenantId tenant, Optional<DomainEntity> domain) {
        var q = em.createQuery("SELECT t FROM AliasTargetEntity t WHERE t.alias.address.tenant.id = :tenant"
                + (domain.isPresent() ? " AND t.alias.address.domain = :domain" : "") + " ORDER BY t.alias.id, t.itemIndex",
                AliasTargetEntity.class);
        q.setParameter("tenant", tenant.value());
        domain.ifPresent(d -> q.setParameter("domain", d));
        return q.getResultList();
    }

    /** The tenant's alias targets that name one of these address keys. */
    static List<AliasTargetEntity> naming(EntityManager em, TenantId tenant, Collection<String> keys) {
        return em.createQuery("SELECT t FROM AliasTargetEntity t WHERE t.addressKey IN :keys AND t.alias.address.tenant.id = :tenant",
                        AliasTargetEntity.class)
                .setParameter("keys", keys).setParameter("tenant", tenant.value()).getResultList();
    }

    AliasEntity alias() {
        return alias;
    }

    EmailAddress target() {
        return EmailAddress.parse(address);
    }
}
