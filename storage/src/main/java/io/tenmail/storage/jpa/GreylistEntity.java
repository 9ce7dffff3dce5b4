package io.tenmail.storage.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDateTime;

/** A row of GREYLIST: when a (client network, sender, recipient) triplet was first and last seen. */
@Entity
@Table(name = "GREYLIST")
class GreylistEntity {
    @Id
    @Column(name = "TRIPLET_KEY", length = 100)
    private String tripletKey;

    @Column(name = "FIRST_SEEN", nullable = false)
    private LocalDateTime firstSeen;

    @Column(name = "LAST_SEEN", nullable = false)
    private LocalDateTime lastSeen;

    protected GreylistEntity() {
    }

    GreylistEntity(String tripletKey, Instant now) {
        this.tripletKey = tripletKey;
        this.firstSeen = DbTime.toDb(now);
        this.lastSeen = firstSeen;
    }

    /** Records a sighting; a triplet unseen since {@code forgetBefore} starts again. Returns the first sighting. */
    Instant sight(Instant now, Instant forgetBefore) {
        if (DbTime.fromDb(lastSeen).isBefore(forgetBefore)) firstSeen = DbTime.toDb(now);
        lastSeen = DbTime.toDb(now);
        return DbTime.fromDb(firstSeen);
    }
}
