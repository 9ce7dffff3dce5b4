package io.tenmail.storage.jpa;

import io.tenmail.storage.StorageSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import static org.assertj.core.api.Assertions.assertThat;

class SpikeIT {
    @Test
    void roundTrip(@TempDir Path dir) {
        String pg = System.getenv("TENMAIL_TEST_PG_URL");
        StorageSettings s = pg == null ? StorageSettings.embedded(dir) : new StorageSettings(dir, pg, System.getenv("TENMAIL_TEST_PG_USER"), System.getenv("TENMAIL_TEST_PG_PASSWORD"), 4, null);
        try (Database db = new Database(s)) {
            var em = db.entityManagerFactory().createEntityManager();
            em.getTransaction().begin();
            SpikeEntity e = new SpikeEntity(); e.setName("x");
            em.persist(e);
            em.getTransaction().commit();
            assertThat(e.getId()).isPositive();
            em.close();
        }
    }
}
