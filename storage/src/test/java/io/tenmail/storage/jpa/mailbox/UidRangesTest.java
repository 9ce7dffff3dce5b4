package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.model.Uid;
import io.tenmail.storage.model.UidRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class UidRangesTest {

    @Test
    void overlappingAndAdjacentRangesAreMergedInOrder() {
        List<UidRange> ranges = List.of(new UidRange(9, Uid.MAX), new UidRange(1, 2), new UidRange(3, 3), new UidRange(5, 7), new UidRange(6, 8));
        assertThat(UidRanges.normalize(ranges)).containsExactly(new UidRange(1, 3), new UidRange(5, Uid.MAX));
    }

    @Test
    void nearbyRangesAreReadAsOneSpanAndDistantOnesApart() {
        List<UidRange> odd = new ArrayList<>();
        for (long uid = 999; uid >= 1; uid -= 2) odd.add(new UidRange(uid, uid));
        odd.add(new UidRange(5000, Uid.MAX));
        List<UidRanges.Span> spans = UidRanges.spans(odd);
        assertThat(spans).hasSize(2);
        UidRanges.Span first = spans.get(0);
        assertThat(first.first()).isEqualTo(1);
        assertThat(first.last()).isEqualTo(999);
        assertThat(LongStream.rangeClosed(1, 1000).filter(first::contains).count()).isEqualTo(500);
        assertThat(first.contains(2)).isFalse();
        assertThat(first.contains(999)).isTrue();
        assertThat(spans.get(1).isExact()).isTrue();
        assertThat(UidRanges.spans(List.of())).isEmpty();
    }

    @Test
    void coverNarrowsEachRequestedRangeToTheUidsInIt() {
        List<UidRange> requested = List.of(new UidRange(1, 10), new UidRange(20, 30), new UidRange(40, Uid.MAX));
        assertThat(UidRanges.cover(requested, List.of(3L, 5L, 41L, 90L)))
                .containsExactly(new UidRange(3, 5), new UidRange(41, 90));
        assertThat(UidRanges.cover(requested, List.of())).isEmpty();
    }
}
