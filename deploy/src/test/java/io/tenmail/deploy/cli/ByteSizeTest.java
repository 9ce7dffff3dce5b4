package io.tenmail.deploy.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ByteSizeTest {

    @Test
    void sizesAreReadInPowersOf1024() {
        assertThat(ByteSize.parse("1073741824")).isEqualTo(1L << 30);
        assertThat(ByteSize.parse("512k")).isEqualTo(512L << 10);
        assertThat(ByteSize.parse("10M")).isEqualTo(10L << 20);
        assertThat(ByteSize.parse("1G")).isEqualTo(1L << 30);
        assertThat(ByteSize.parse("2GiB")).isEqualTo(2L << 30);
        assertThat(ByteSize.parse("3gb")).isEqualTo(3L << 30);
        assertThat(ByteSize.parse("1T")).isEqualTo(1L << 40);
        assertThat(ByteSize.parse("0")).isZero();
    }

    @Test
    void nonsenseAndOverflowAreRefused() {
        assertThat(ByteSize.parse("lots")).isEqualTo(-1);
        assertThat(ByteSize.parse("1.5G")).isEqualTo(-1);
        assertThat(ByteSize.parse("-1")).isEqualTo(-1);
        assertThat(ByteSize.parse("10ib")).isEqualTo(-1);
        assertThat(ByteSize.parse("99999999999T")).isEqualTo(-1);
    }

    @Test
    void sizesArePrintedForPeople() {
        assertThat(ByteSize.format(0)).isEqualTo("unlimited");
        assertThat(ByteSize.format(512)).isEqualTo("512 B");
        assertThat(ByteSize.format(1L << 30)).isEqualTo("1 GiB");
        assertThat(ByteSize.format(3L << 29)).isEqualTo("1.5 GiB");
    }
}
