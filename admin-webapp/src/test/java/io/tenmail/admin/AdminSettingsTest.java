package io.tenmail.admin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminSettingsTest {

    @Test
    void portOutOfRangeIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new AdminSettings("127.0.0.1", 65536)).hasMessageContaining("tenmail.http.port");
        assertThatThrownBy(() -> new AdminSettings("127.0.0.1", -1)).hasMessageContaining("tenmail.http.port");
    }

    @Test
    void blankBindAddressIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new AdminSettings(" ", 8080)).hasMessageContaining("tenmail.http.bind-address");
        assertThatThrownBy(() -> new AdminSettings(null, 8080)).hasMessageContaining("tenmail.http.bind-address");
    }

    @Test
    void portZeroAndBoundsAreAccepted() {
        assertThat(new AdminSettings(" 127.0.0.1 ", 0).bindAddress()).isEqualTo("127.0.0.1");
        assertThat(new AdminSettings("::1", 65535).port()).isEqualTo(65535);
    }
}
