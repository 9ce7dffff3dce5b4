package io.tenmail.smtp.policy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.tenmail.protocol.InvalidSettingException;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitSettingsTest {
    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 100)).build();
    }

    @Test
    void withoutKeysTheShippedDefaultsApplyAndLoopbackIsExempt() throws Exception {
        RateLimitSettings s = RateLimitSettings.from(config(Map.of()));
        assertThat(s).isEqualTo(RateLimitSettings.DEFAULTS);
        assertThat(s.exemptNetworks()).anyMatch(n -> n.contains(InetAddress.getLoopbackAddress()));
    }

    @Test
    void keysOverrideTheDefaults() {
        RateLimitSettings s = RateLimitSettings.from(config(Map.of(RateLimitSettings.ACCOUNT_MESSAGES_PER_HOUR, "0",
                RateLimitSettings.IP_CONNECTIONS_PER_MINUTE, "5", RateLimitSettings.EXEMPT_NETWORKS, "10.0.0.0/8, 192.0.2.1")));
        assertThat(s.accountMessagesPerHour()).isZero();
        assertThat(s.ipConnectionsPerMinute()).isEqualTo(5);
        assertThat(s.exemptNetworks()).hasSize(2);
    }

    @Test
    void aBadValueNamesItsKey() {
        assertThatThrownBy(() -> RateLimitSettings.from(config(Map.of(RateLimitSettings.ACCOUNT_RECIPIENTS_PER_DAY, "-1"))))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining(RateLimitSettings.ACCOUNT_RECIPIENTS_PER_DAY);
        assertThatThrownBy(() -> RateLimitSettings.from(config(Map.of(RateLimitSettings.EXEMPT_NETWORKS, "not-a-network"))))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining(RateLimitSettings.EXEMPT_NETWORKS);
    }
}
