package io.tenmail.storage.jpa;

import io.tenmail.storage.MailTraffic;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.TenantId;
import jakarta.persistence.EntityManager;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * {@link MailTraffic} on MAIL_TRAFFIC, in plain SQL: an increment is one
 * {@code UPDATE ... SET MESSAGES_IN = MESSAGES_IN + ?} (no read-modify-write, so nodes adding at
 * once both count), and an INSERT when the day's row does not exist yet. Two nodes inserting the
 * same new row at once: one transaction fails on the primary key and its caller adds again later.
 * No entity: rows are only ever added to and summed.
 */
public final class JpaMailTraffic implements MailTraffic {
    private static final long NO_TENANT = 0;

    private final Transactions tx;

    public JpaMailTraffic(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(LocalDate day, List<Increment> increments) throws StoreException {
        Objects.requireNonNull(day, "day");
        if (increments.isEmpty()) return;
        Date d = Date.valueOf(day);
        tx.run(em -> {
            for (Increment i : increments) {
                long tenant = i.tenant().map(TenantId::value).orElse(NO_TENANT);
                int updated = em.createNativeQuery("UPDATE MAIL_TRAFFIC SET MESSAGES_IN = MESSAGES_IN + ?, MESSAGES_OUT = MESSAGES_OUT + ?"
                                + " WHERE TENANT_ID = ? AND TRAFFIC_DAY = ?")
                        .setParameter(1, i.counts().in()).setParameter(2, i.counts().out()).setParameter(3, tenant).setParameter(4, d)
                        .executeUpdate();
                if (updated == 0) {
                    em.createNativeQuery("INSERT INTO MAIL_TRAFFIC (TENANT_ID, TRAFFIC_DAY, MESSAGES_IN, MESSAGES_OUT) VALUES (?, ?, ?, ?)")
                            .setParameter(1, tenant).setParameter(2, d).setParameter(3, i.counts().in()).setParameter(4, i.counts().out())
                            .executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public long forgetBefore(LocalDate day) throws StoreException {
        Date d = Date.valueOf(Objects.requireNonNull(day, "day"));
        return tx.run(em -> (long) em.createNativeQuery("DELETE FROM MAIL_TRAFFIC WHERE TRAFFIC_DAY < ?").setParameter(1, d).executeUpdate());
    }

    @Override
    public Counts of(TenantId tenant, LocalDate day) throws StoreException {
        Objects.requireNonNull(tenant, "tenant");
        return tx.run(em -> sum(em, "SELECT SUM(MESSAGES_IN), SUM(MESSAGES_OUT) FROM MAIL_TRAFFIC WHERE TRAFFIC_DAY = ? AND TENANT_ID = ?",
                Date.valueOf(day), tenant.value()));
    }

    @Override
    public Counts total(LocalDate day) throws StoreException {
        return tx.run(em -> sum(em, "SELECT SUM(MESSAGES_IN), SUM(MESSAGES_OUT) FROM MAIL_TRAFFIC WHERE TRAFFIC_DAY = ?", Date.valueOf(day)));
    }

    private static Counts sum(EntityManager em, String sql, Object... parameters) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) q.setParameter(i + 1, parameters[i]);
        Object[] row = (Object[]) q.getSingleResult();
        return new Counts(number(row[0]), number(row[1]));
    }

    private static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
