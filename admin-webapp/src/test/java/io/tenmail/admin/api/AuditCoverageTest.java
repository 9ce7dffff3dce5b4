package io.tenmail.admin.api;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every resource method that can change something carries {@link Audited}, so the audit log misses no change. */
class AuditCoverageTest {
    @Test
    void everyChangingResourceMethodIsAudited() {
        List<String> missing = new ArrayList<>();
        int changing = 0;
        for (Class<?> resource : AdminApi.RESOURCES) {
            for (Method m : resource.getDeclaredMethods()) {
                boolean changes = m.isAnnotationPresent(POST.class) || m.isAnnotationPresent(PUT.class)
                        || m.isAnnotationPresent(PATCH.class) || m.isAnnotationPresent(DELETE.class);
                if (!changes) continue;
                changing++;
                if (!m.isAnnotationPresent(Audited.class)) missing.add(resource.getSimpleName() + "." + m.getName());
            }
        }
        assertThat(changing).isGreaterThan(30);
        assertThat(missing).isEmpty();
    }
}
