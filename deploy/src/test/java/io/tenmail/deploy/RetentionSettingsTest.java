package io.tenmail.deploy;

import io.tenmail.storage.retention.RetentionSweeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionSettingsTest {
    @TempDir
    Path dataDir;

    private RetentionSweeper.Retention retention(Map<String, String> environment) {
        return RetentionSettings.from(TenmailConfig.load(dataDir, environment, Map.of()));
    }

    @Test
    void withoutSettingsGreylistingTripletsAreKept36DaysCounts400AndRareFeatures180() {
        assertThat(retention(Map.of())).isEqualTo(new RetentionSweeper.Retention(Duration.ofDays(36), Duration.ofDays(400), Duration.ofDays(180)));
    }

    @Test
    void theEnvironmentSetsEachAndZeroMeansForever() {
        assertThat(retention(Map.of("TENMAIL_RETENTION_GREYLIST_DAYS", "60", "TENMAIL_RETENTION_TRAFFIC_DAYS", "0",
                "TENMAIL_RETENTION_RARE_BAYES_TOKEN_DAYS", "30")))
                .isEqualTo(new RetentionSweeper.Retention(Duration.ofDays(60), Duration.ZERO, Duration.ofDays(30)));
    }

    @Test
    void aNegativeOrNonNumericValueNamesTheKey() {
        assertThatThrownBy(() -> retention(Map.of("TENMAIL_RETENTION_GREYLIST_DAYS", "-1")))
                .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.key()).isEqualTo("tenmail.retention.greylist-days"));
        assertThatThrownBy(() -> retention(Map.of("TENMAIL_RETENTION_TRAFFIC_DAYS", "a year")))
                .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.key()).isEqualTo("tenmail.retention.traffic-days"));
    }
}
