package io.tenmail.storage.jpa;

import io.tenmail.storage.StoreException;
import io.tenmail.storage.blob.BlobReferences;
import io.tenmail.storage.model.BlobId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link BlobReferences} of the database: a blob is in use while a message in any mailbox
 * (MAILBOX_MESSAGE) or an entry of the mail queue (QUEUE_ENTRY) names it. One query per batch
 * answers for both tables; both have an index on BLOB_ID.
 *
 * <p>PARSED_MESSAGE is keyed by blob but is not a reference: it is derived data kept for the
 * messages of that blob, and nothing else removes it when the last such message is expunged or
 * its account deleted. {@link #forget} drops it once the sweeper deleted the blob, unless a
 * message names the blob again (then the foreign key needs it, and the NOT EXISTS keeps it).
 * An append that found the row just before it was dropped fails on that foreign key and is run
 * again by the mailbox store, which then stores the structure anew.
 *
 * <p>Plain SQL, identical on Derby and PostgreSQL: JPQL has no UNION. Thread-safe.
 */
public final class JpaBlobReferences implements BlobReferences {
    /** Ids per IN (...) list: two lists per statement stay well below every database's parameter limit. */
    static final int IN_LIST = 500;

    private final Transactions tx;

    public JpaBlobReferences(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public Set<BlobId> referenced(Collection<BlobId> candidates) throws StoreException {
        Set<BlobId> found = new HashSet<>();
        for (List<String> chunk : chunks(candidates)) {
            String in = placeholders(chunk.size());
            List<?> rows = tx.run(em -> bind(em.createNativeQuery(
                    "SELECT BLOB_ID FROM MAILBOX_MESSAGE WHERE BLOB_ID IN (" + in + ")"
                            + " UNION SELECT BLOB_ID FROM QUEUE_ENTRY WHERE BLOB_ID IN (" + in + ")"), chunk, 2)
                    .getResultList());
            for (Object row : rows) found.add(new BlobId(single(row)));
        }
        return found;
    }

    @Override
    public void forget(Collection<BlobId> deleted) throws StoreException {
        for (List<String> chunk : chunks(deleted)) {
            tx.run((EntityManager em) -> bind(em.createNativeQuery(
                    "DELETE FROM PARSED_MESSAGE WHERE BLOB_ID IN (" + placeholders(chunk.size()) + ")"
                            + " AND NOT EXISTS (SELECT 1 FROM MAILBOX_MESSAGE m WHERE m.BLOB_ID = PARSED_MESSAGE.BLOB_ID)"),
                    chunk, 1).executeUpdate());
        }
    }

    private static List<List<String>> chunks(Collection<BlobId> ids) {
        List<String> hex = ids.stream().map(BlobId::hex).distinct().toList();
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < hex.size(); i += IN_LIST) chunks.add(hex.subList(i, Math.min(hex.size(), i + IN_LIST)));
        return chunks;
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** Binds {@code values} to the positional parameters, {@code times} times over. */
    private static Query bind(Query query, List<String> values, int times) {
        int position = 1;
        for (int t = 0; t < times; t++) {
            for (String v : values) query.setParameter(position++, v);
        }
        return query;
    }

    /** A single-column row: the value itself, or a one-element array on some providers. */
    private static String single(Object row) {
        return (String) (row instanceof Object[] a ? a[0] : row);
    }
}
