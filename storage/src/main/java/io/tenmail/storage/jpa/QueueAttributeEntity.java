package io.tenmail.storage.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** One string attribute of a queue entry (table QUEUE_ATTRIBUTE). */
@Entity
@Table(name = "QUEUE_ATTRIBUTE")
@IdClass(QueueAttributeEntity.Key.class)
public class QueueAttributeEntity {
    static final int MAX_NAME = 200;
    static final int MAX_VALUE = 4000;

    @Id
    @Column(name = "ENTRY_ID")
    private long entryId;

    @Id
    @Column(name = "ATTR_NAME", length = MAX_NAME)
    private String name;

    @Column(name = "ATTR_VALUE", nullable = false, length = MAX_VALUE)
    private String value;

    protected QueueAttributeEntity() {
    }

    QueueAttributeEntity(long entryId, String name, String value) {
        this.entryId = entryId;
        this.name = name;
        this.value = value;
    }

    long entryId() {
        return entryId;
    }

    String name() {
        return name;
    }

    String value() {
        return value;
    }

    /** The composite primary key (ENTRY_ID, ATTR_NAME). */
    public static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public long entryId;
        public String name;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.entryId == entryId && Objects.equals(k.name, name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(entryId, name);
        }
    }
}
