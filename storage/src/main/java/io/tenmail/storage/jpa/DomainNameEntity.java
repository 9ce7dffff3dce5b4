package io.tenmail.storage.jpa;

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

import java.util.List;
import java.util.Optional;

/**
 * A row of DOMAIN_NAME: one name a domain answers to, its own or an alias. The unique key on
 * NAME is what keeps a domain name (or alias name) owned by one domain on the whole platform.
 */
@Entity
@EntityListeners(CachedDataListener.class)
@Table(name = "DOMAIN_NAME")
class DomainNameEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "DOMAIN_ID", nullable = false)
    private DomainEntity domain;

    @Column(name = "NAME", nullable = false, length = 255)
    private String name;

    @Column(name = "IS_ALIAS", nullable = false)
    private boolean alias;

    protected DomainNameEntity() {
    }

    DomainNameEntity(DomainEntity domain, String name, boolean alias) {
        this.domain = domain;
        this.name = name;
        this.alias = alias;
    }

    /** The domain answering to this normalised name, in any tenant. */
    static Optional<DomainNameEntity> byName(EntityManager em, String name) {
        return em.createQuery("SELECT n FROM DomainNameEntity n WHERE n.name = :name", DomainNameEntity.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    /** Every name of the domain, its own first, then its aliases by name. */
    static List<DomainNameEntity> ofDomain(EntityManager em, DomainEntity domain) {
        return em.createQuery("SELECT n FROM DomainNameEntity n WHERE n.domain = :domain ORDER BY n.alias, n.name", DomainNameEntity.class)
                .setParameter("domain", domain).getResultList();
    }

    /** The alias names of the domain, by name. */
    static List<String> aliasNames(EntityManager em, DomainEntity domain) {
        return em.createQuery("SELECT n.name FROM DomainNameEntity n WHERE n.domain = :domain AND n.alias = :alias ORDER BY n.name", String.class)
                .setParameter("domain", domain).setParameter("alias", true).getResultList();
    }

    DomainEntity domain() {
        return domain;
    }

    String name() {
        return name;
    }

    boolean isAlias() {
        return alias;
    }
}
