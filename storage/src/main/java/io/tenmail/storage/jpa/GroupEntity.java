package io.tenmail.storage.jpa;

import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.Group;
import io.tenmail.storage.model.GroupId;
import io.tenmail.storage.model.SendPolicy;
import io.tenmail.storage.model.TenantId;
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
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** A row of MAIL_GROUP: a group mailbox and its sending policy; its members are rows of GROUP_MEMBER. */
@Entity
@EntityListeners(CachedDataListener.class)
@Table(name = "MAIL_GROUP")
class GroupEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "ADDRESS_ID", nullable = false, unique = true)
    private AddressEntity address;

    @Column(name = "DISPLAY_NAME", nullable = false, length = 200)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(name = "SEND_POLICY", nullable = false, length = 16)
    private SendPolicy sendPolicy;

    @Column(name = "CREATED", nullable = false)
    private LocalDateTime created;

    protected GroupEntity() {
    }

    GroupEntity(AddressEntity address, String displayName, SendPolicy sendPolicy, Instant created) {
        this.address = address;
        this.displayName = displayName;
        this.sendPolicy = sendPolicy;
        this.created = DbTime.toDb(created);
    }

    static Optional<GroupEntity> find(EntityManager em, GroupId id) {
        return Optional.ofNullable(em.find(GroupEntity.class, id.value()));
    }

    /** The group with this id if it belongs to {@code tenant}: another tenant's is as good as missing. */
    static Optional<GroupEntity> find(EntityManager em, TenantId tenant, GroupId id) {
        return find(em, id).filter(g -> g.address.tenant().id() == tenant.value());
    }

    static Optional<GroupEntity> byAddress(EntityManager em, AddressEntity address) {
        return em.createQuery("SELECT g FROM GroupEntity g WHERE g.address = :address", GroupEntity.class)
                .setParameter("address", address).getResultStream().findFirst();
    }

    static List<GroupEntity> ofTenant(EntityManager em, TenantId tenant, Optional<DomainEntity> domain) {
        var q = em.createQuery("SELECT g FROM GroupEntity g WHERE g.address.tenant.id = :tenant"
                + (domain.isPresent() ? " AND g.address.domain = :domain" : "") + " ORDER BY g.address.addressKey", GroupEntity.class);
        q.setParameter("tenant", tenant.value());
        domain.ifPresent(d -> q.setParameter("domain", d));
        return q.getResultList();
    }

    long id() {
        return id;
    }

    GroupId groupId() {
        return new GroupId(id);
    }

    AddressEntity address() {
        return address;
    }

    SendPolicy sendPolicy() {
        return sendPolicy;
    }

    void update(String displayName, SendPolicy sendPolicy) {
        this.displayName = displayName;
        this.sendPolicy = sendPolicy;
    }

    Group toModel(List<EmailAddress> members) {
        return new Group(groupId(), address.tenant().tenantId(), address.address(), displayName, members, sendPolicy);
    }
}
