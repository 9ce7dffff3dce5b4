package io.tenmail.storage.jpa;

import io.tenmail.storage.model.LastLogin;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** A row of ACCOUNT_LOGIN: the last successful login of an account over one protocol. */
@Entity
@Table(name = "ACCOUNT_LOGIN")
class AccountLoginEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private long id;

    @Column(name = "ACCOUNT_ID", nullable = false)
    private long accountId;

    @Column(name = "PROTOCOL", nullable = false, length = 8)
    private String protocol;

    @Column(name = "LAST_AT", nullable = false)
    private LocalDateTime lastAt;

    @Column(name = "CLIENT", length = 64)
    private String client;

    protected AccountLoginEntity() {
    }

    AccountLoginEntity(long accountId, String protocol, Instant at, String client) {
        this.accountId = accountId;
        this.protocol = protocol;
        this.lastAt = DbTime.toDb(at);
        this.client = client;
    }

    /** Moves the row of (account, protocol) to {@code at}; false when there is no row yet. */
    static boolean touch(EntityManager em, long accountId, String protocol, Instant at, String client) {
        return em.createQuery("UPDATE AccountLoginEntity l SET l.lastAt = :at, l.client = :client"
                        + " WHERE l.accountId = :account AND l.protocol = :protocol")
                .setParameter("at", DbTime.toDb(at)).setParameter("client", client)
                .setParameter("account", accountId).setParameter("protocol", protocol).executeUpdate() > 0;
    }

    static List<AccountLoginEntity> ofAccount(EntityManager em, long accountId) {
        return em.createQuery("SELECT l FROM AccountLoginEntity l WHERE l.accountId = :account ORDER BY l.protocol",
                AccountLoginEntity.class).setParameter("account", accountId).getResultList();
    }

    LastLogin toModel() {
        return new LastLogin(protocol, DbTime.fromDb(lastAt), Optional.ofNullable(client));
    }
}
