package io.tenmail.storage.jpa;

import io.tenmail.storage.model.DkimKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A row of DKIM_KEY: one selector's RSA key of a domain, base64 DER in text columns (identical on
 * Derby and PostgreSQL, readable with psql). Goes with its domain (ON DELETE CASCADE).
 */
@Entity
@Table(name = "DKIM_KEY")
class DkimKeyEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private long id;

    @Column(name = "DOMAIN_ID", nullable = false)
    private long domainId;

    @Column(name = "SELECTOR", nullable = false, length = 63)
    private String selector;

    @Column(name = "PRIVATE_KEY", nullable = false, length = 4000)
    private String privateKey;

    @Column(name = "PUBLIC_KEY", nullable = false, length = 1000)
    private String publicKey;

    @Column(name = "CREATED", nullable = false)
    private LocalDateTime created;

    @Column(name = "STATE", nullable = false, length = 8)
    private String state;

    @Column(name = "RETIRED")
    private LocalDateTime retired;

    protected DkimKeyEntity() {
    }

    DkimKeyEntity(long domainId, String selector, byte[] privateKey, byte[] publicKey, Instant created) {
        this.domainId = domainId;
        this.selector = selector;
        this.privateKey = Base64.getEncoder().encodeToString(privateKey);
        this.publicKey = Base64.getEncoder().encodeToString(publicKey);
        this.created = DbTime.toDb(created);
        this.state = DkimKey.State.ACTIVE.name();
    }

    /** The domain's keys, newest first. */
    static List<DkimKeyEntity> ofDomain(EntityManager em, long domainId) {
        return em.createQuery("SELECT k FROM DkimKeyEntity k WHERE k.domainId = :domain ORDER BY k.id DESC", DkimKeyEntity.class)
                .setParameter("domain", domainId).getResultList();
    }

    String selector() {
        return selector;
    }

    byte[] privateKeyBytes() {
        return Base64.getDecoder().decode(privateKey);
    }

    byte[] publicKeyBytes() {
        return Base64.getDecoder().decode(publicKey);
    }

    boolean active() {
        return DkimKey.State.ACTIVE.name().equals(state);
    }

    Optional<Instant> retired() {
        return Optional.ofNullable(DbTime.fromDb(retired));
    }

    void retire(Instant at) {
        this.state = DkimKey.State.RETIRED.name();
        this.retired = DbTime.toDb(at);
    }

    DkimKey toModel(DomainEntity domain) {
        return new DkimKey(domain.domainId(), domain.name(), selector, Base64.getDecoder().decode(privateKey),
                Base64.getDecoder().decode(publicKey), DbTime.fromDb(created), DkimKey.State.valueOf(state), retired());
    }
}
