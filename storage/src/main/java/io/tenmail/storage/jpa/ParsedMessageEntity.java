package io.tenmail.storage.jpa;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * The parsed envelope and MIME structure of a blob, as JSON, stored once per blob: a message
 * delivered to many mailboxes, copied or moved shares one row. Keyed by the blob's content
 * address, so it never changes once written. Messages reference it by a foreign key, which keeps
 * a row from being removed while a message needs it.
 */
@Entity
@Table(name = "PARSED_MESSAGE")
@NamedQueries({
        @NamedQuery(name = ParsedMessageEntity.JSON_OF_MESSAGE, query = "SELECT p.json FROM ParsedMessageEntity p, MessageEntity m"
                + " WHERE m.mailboxId = :mailbox AND m.uid = :uid AND p.blobId = m.blobId"),
        // one index range scan on the message key joined to the parse by blob: the batch read of
        // FETCH ENVELOPE/BODYSTRUCTURE, SORT, THREAD and SEARCH by header (one statement per chunk)
        @NamedQuery(name = ParsedMessageEntity.JSON_IN_RANGE, query = "SELECT m.uid, m.blobId, p.json FROM ParsedMessageEntity p,"
                + " MessageEntity m WHERE m.mailboxId = :mailbox AND m.uid BETWEEN :first AND :last AND p.blobId = m.blobId"
                + " ORDER BY m.uid"),
})
public class ParsedMessageEntity {
    public static final String JSON_OF_MESSAGE = "Parsed.jsonOfMessage";
    /** (uid, blob id, json) of the messages of a mailbox in a UID range, by UID. */
    public static final String JSON_IN_RANGE = "Parsed.jsonInRange";

    @Id
    @Column(name = "BLOB_ID", length = 64)
    private String blobId;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "STRUCTURE_JSON", nullable = false)
    private String json;

    protected ParsedMessageEntity() {
    }

    public ParsedMessageEntity(String blobId, String json) {
        this.blobId = blobId;
        this.json = json;
    }

    public String getBlobId() { return blobId; }
    public String getJson() { return json; }
}
