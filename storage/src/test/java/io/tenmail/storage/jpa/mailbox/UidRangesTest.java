package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.model.Uid;
import io.tenmail.storage.model.UidRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UidRangesTest {

    @Test
    void overlappingAndAdjacentRangesAreMergedInOrder() {
        List<UidRange> ranges = List.of(new UidRange(9, Uid.MAX), new UidRange(1, 2), new UidRange(3, 3), new UidRange(5, 7), new UidRange(6, 8));
        assertThat(UidRanges.normalize(ranges)).containsExactly(new UidRange(1, 3), new UidRange(5, Uid.MAX));
    }

    @Test
    void chunksArePowersOfTwoAndCoverEveryRangeOnceInOrder() {
        List<UidRange> ranges = new ArrayList<>();
        for (long uid = 1; uid <= 199; uid += 2) ranges.add(new UidRange(uid, uid));   // 100 disjoint ranges
        List<List<UidRange>> chunks = UidRanges.chunks(ranges);
        assertThat(chunks).extracting(List::size).containsExactly(64, 64);
        List<UidRange> distinct = chunks.stream().flatMap(List::stream).distinct().toList();
        assertThat(distinct).isEqualTo(ranges);
    }

    @Test
    void noRangesMeanNoQueries() {
        assertThat(UidRanges.chunks(List.of())).isEmpty();
        assertThat(UidRanges.chunks(List.of(UidRange.ALL))).containsExactly(List.of(UidRange.ALL));
    }
}
