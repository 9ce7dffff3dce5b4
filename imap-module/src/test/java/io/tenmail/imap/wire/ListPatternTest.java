package io.tenmail.imap.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListPatternTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "*|INBOX|true",
        "*|Projects/2026/Q1|true",
        "%|Projects|true",
        "%|Projects/2026|false",
        "Projects/%|Projects/2026|true",
        "Projects/%|Projects/2026/Q1|false",
        "Projects/*|Projects/2026/Q1|true",
        "Projects/*|Projects|false",
        "Projects*|Projects|true",
        "Projects%|Projects/2026|false",
        "%/%|Projects/2026|true",
        "%/%|Projects|false",
        "P%s|Projects|true",
        "P%s|Pro/jects|false",
        "P*s|Pro/jects|true",
        "项目/%|项目/2026|true",
        "已发送|已发送|true",
        "已%|已发送|true",
        "Sent|sent|false",
        "''|INBOX|false",
    })
    void wildcardsFollowRfc9051(String pattern, String name, boolean matches) {
        assertThat(ListPattern.of(pattern).matches(name)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0} finds INBOX")
    @CsvSource({"inbox", "INBOX", "InBoX", "in%", "i*", "%x", "*"})
    void inboxMatchesInAnyCase(String pattern) {
        assertThat(ListPattern.of(pattern).matches("INBOX")).isTrue();
    }

    @Test
    void inboxCaseInsensitivityStopsAtItsFirstLevel() {
        assertThat(ListPattern.of("inbox/%").matches("INBOX/Work")).isTrue();
        assertThat(ListPattern.of("inbox/work").matches("INBOX/Work")).isFalse();
        assertThat(ListPattern.of("inbox2").matches("INBOX2")).isFalse();
        assertThat(ListPattern.of("inboxes").matches("Inboxes")).isFalse();
    }

    @Test
    void theReferenceIsPrepended() {
        ListPattern p = ListPattern.of("Projects/", "%");
        assertThat(p.pattern()).isEqualTo("Projects/%");
        assertThat(p.matches("Projects/2026")).isTrue();
        assertThat(p.matches("Projects")).isFalse();
    }

    @Test
    void aPatternWithoutWildcardsIsLiteral() {
        assertThat(ListPattern.of("Projects/2026").isLiteral()).isTrue();
        assertThat(ListPattern.of("Projects/%").isLiteral()).isFalse();
    }

    @Test
    void runsOfWildcardsCollapse() {
        assertThat(ListPattern.of("a**%*b").pattern()).isEqualTo("a*b");
        assertThat(ListPattern.of("a%%b").pattern()).isEqualTo("a%b");
        assertThat(ListPattern.of("a%%b").matches("a/b")).isFalse();
    }

    @Test
    void aHostilePatternIsStillFast() {
        String pattern = "*%".repeat(200) + "x";
        String name = "a/".repeat(400) + "b";
        long start = System.nanoTime();
        assertThat(ListPattern.of(pattern).matches(name)).isFalse();
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }
}
