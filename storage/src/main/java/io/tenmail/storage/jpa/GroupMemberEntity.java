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
 * A row of GROUP_MEMBER: one member of a group, local or external, in the order the administrator
 * listed them. A member is an address, not a reference to a row, so it may name another tenant's
 * address or one outside the platform.
 */
@Entity
@EntityListeners(CachedDataListener.class)
@Table(name = "GROUP_MEMBER")
class GroupMemberEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "GROUP_ID", nullable = false)
    private GroupEntity mailGroup;

    @Column(name = "ITEM_INDEX", nullable = false)
    private int itemIndex;

    @Column(name = "ADDRESS", nullable = false, length = 400)
    private String address;

    @Column(name = "ADDRESS_KEY", nullable = false, length = 400)
    private String addressKey;

    protected GroupMemberEntity() {
    }

    GroupMemberEntity(GroupEntity group, int index, EmailAddress member) {
        this.mailGroup = group;
        this.itemIndex = index;
        this.address = member.toString();
        this.addressKey = member.key();
    }

    static List<GroupMemberEntity> of(EntityManager em, GroupEntity group) {
        return em.createQuery("SELECT t FROM GroupMemberEntity t WHERE t.mailGroup = :mailGroup ORDER BY t.itemIndex", GroupMemberEntity.class)
                .setParameter("mailGroup", group).getResultList();
    }

    /** The members of all the tenant's groups (in one domain if given), for listing them at once. */
    static List<GroupMemberEntity> ofTenant(EntityManager em, TenantId tenant, Optional<DomainEntity> domain) {
        var q = em.createQuery("SELECT t FROM GroupMemberEntity t WHERE t.mailGroup.address.tenant.id = :tenant"
                + (domain.isPresent() ? " AND t.mailGroup.address.domain = :domain" : "") + " ORDER BY t.mailGroup.id, t.itemIndex",
                GroupMemberEntity.class);
        q.setParameter("tenant", tenant.value());
        domain.ifPresent(d -> q.setParameter("domain", d));
        return q.getResultList();
    }

    /** The tenant's group members that name one of these address keys. */
    static List<GroupMemberEntity> naming(EntityManager em, TenantId tenant, Collection<String> keys) {
        return em.createQuery("SELECT t FROM GroupMemberEntity t WHERE t.addressKey IN :keys AND t.mailGroup.address.tenant.id = :tenant",
                        GroupMemberEntity.class)
                .setParameter("keys", keys).setParameter("tenant", tenant.value()).getResultList();
    }

    GroupEntity group() {
        return mailGroup;
    }

    EmailAddress member() {
        return EmailAddress.parse(address);
    }
}
