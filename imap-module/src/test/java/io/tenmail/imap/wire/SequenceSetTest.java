package io.tenmail.imap.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenmail.imap.wire.SequenceSet.Range;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SequenceSetTest {

    static final long STAR = SequenceSet.STAR;

    @Test
    void theRfcExampleParses() {
        // RFC 9051 §9: 2,4:7,9,12:*
        SequenceSet set = SequenceSet.parse("2,4:7,9,12:*");
        assertThat(set.ranges()).containsExactly(Range.single(2), new Range(4, 7), Range.single(9), new Range(12, STAR));
        assertThat(set.toString()).isEqualTo("2,4:7,9,12:*");
        assertThat(set.hasStar()).isTrue();
        assertThat(set.maxNumber()).isEqualTo(12);
    }

    @Test
    void rangesMayBeWrittenInEitherOrder() {
        assertThat(SequenceSet.parse("7:4")).isEqualTo(SequenceSet.parse("4:7"));
        assertThat(SequenceSet.parse("*:1")).isEqualTo(SequenceSet.parse("1:*"));
        assertThat(SequenceSet.parse("*:1").toString()).isEqualTo("1:*");
    }

    @Test
    void starResolvesToTheLargestNumber() {
        // RFC 9051 §9: in a 15-message mailbox 2,4:7,9,12:* is 2,4,5,6,7,9,12,13,14,15
        assertThat(SequenceSet.parse("2,4:7,9,12:*").resolve(15))
                .containsExactly(Range.single(2), new Range(4, 7), Range.single(9), new Range(12, 15));
        assertThat(SequenceSet.parse("1:*").resolve(3)).containsExactly(new Range(1, 3));
        assertThat(SequenceSet.parse("*").resolve(3)).containsExactly(Range.single(3));
    }

    @Test
    void nToStarIncludesTheLargestEvenWhenNIsLarger() {
        // RFC 9051 §6.4.9: "559:*" always includes the UID of the last message
        assertThat(SequenceSet.parse("559:*").resolve(100)).containsExactly(new Range(100, 559));
        assertThat(SequenceSet.parse("559:*").contains(100, 100)).isTrue();
    }

    @Test
    void anEmptyMailboxResolvesStarToNothing() {
        assertThat(SequenceSet.parse("*").resolve(0)).isEmpty();
        assertThat(SequenceSet.parse("5:*").resolve(0)).containsExactly(Range.single(5));
        assertThat(SequenceSet.parse("1:3").resolve(0)).containsExactly(new Range(1, 3));
    }

    @Test
    void resolvingSortsAndMergesOverlappingAndAdjacentRanges() {
        assertThat(SequenceSet.parse("9,1:3,4,2:5,20:18,7").resolve(100))
                .containsExactly(new Range(1, 5), Range.single(7), Range.single(9), new Range(18, 20));
        assertThat(SequenceSet.parse("5:*,1:4").resolve(10)).containsExactly(new Range(1, 10));
    }

    @Test
    void normalizingMergesWhatDoesNotDependOnStar() {
        assertThat(SequenceSet.parse("9,1:3,4,2:5,20:18,7").normalized().toString()).isEqualTo("1:5,7,9,18:20");
        assertThat(SequenceSet.parse("7:*,3,1:2,7:*,*").normalized().toString()).isEqualTo("1:3,7:*,*");
    }

    @Test
    void containsAnswersAgainstTheResolvedSet() {
        SequenceSet set = SequenceSet.parse("2,4:7,12:*");
        assertThat(set.contains(5, 15)).isTrue();
        assertThat(set.contains(3, 15)).isFalse();
        assertThat(set.contains(15, 15)).isTrue();
        assertThat(set.contains(16, 15)).isFalse();
    }

    @Test
    void theSavedResultStandsAlone() {
        assertThat(SequenceSet.parse("$")).isSameAs(SequenceSet.SAVED);
        assertThat(SequenceSet.SAVED.isSaved()).isTrue();
        assertThat(SequenceSet.SAVED.toString()).isEqualTo("$");
        assertThatThrownBy(() -> SequenceSet.SAVED.resolve(5)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theLargestNumberIsAccepted() {
        assertThat(SequenceSet.parse("4294967295").ranges()).containsExactly(Range.single(4294967295L));
        assertThat(SequenceSet.parse("1:4294967295").ranges()).containsExactly(new Range(1, 4294967295L));
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(delimiter = '|', value = {
        "0|0 is not a valid sequence number",
        "1:0|0 is not a valid sequence number",
        "4294967296|Sequence number too large (max 4294967295)",
        "99999999999999999999999|Sequence number too large (max 4294967295)",
        "1,,2|Empty element in sequence set",
        ",1|Empty element in sequence set",
        "1,|Sequence set ends with ','",
        "1:|Sequence set ends with ':'",
        ":1|Invalid character ':' in sequence set",
        "1::2|Invalid character ':' in sequence set",
        "1:2:3|Invalid character ':' in sequence set",
        "01|Leading zero in sequence number",
        "1,$|'$' must be the whole sequence set",
        "$,1|'$' must be the whole sequence set",
        "$$|'$' must be the whole sequence set",
        "**|Invalid character '*' in sequence set",
        "1 2|Invalid character ' ' in sequence set",
        "a|Invalid character 'a' in sequence set",
        "-1|Invalid character '-' in sequence set",
    })
    void malformedSetsAreRefusedWithAReason(String text, String reason) {
        assertThatThrownBy(() -> SequenceSet.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(reason);
    }

    @Test
    void anEmptySetIsRefused() {
        assertThatThrownBy(() -> SequenceSet.parse("")).hasMessage("Empty sequence set");
    }

    @Test
    void theNumberOfElementsIsBounded() {
        String many = "1,".repeat(SequenceSet.MAX_ELEMENTS) + "1";
        assertThatThrownBy(() -> SequenceSet.parse(many)).hasMessage("Sequence set has too many elements");
        String enough = "1,".repeat(SequenceSet.MAX_ELEMENTS - 1) + "1";
        assertThat(SequenceSet.parse(enough).ranges()).hasSize(SequenceSet.MAX_ELEMENTS);
    }

    @Test
    void ascendingNumbersBecomeTheMostCompactSet() {
        assertThat(SequenceSet.ofAscending(1, 2, 3, 5, 7, 8).toString()).isEqualTo("1:3,5,7:8");
        assertThat(SequenceSet.ofAscending(4294967295L).toString()).isEqualTo("4294967295");
        assertThatThrownBy(() -> SequenceSet.ofAscending(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SequenceSet.ofAscending()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExplicitListKeepsItsOrderForCopyUid() {
        // RFC 4315 §3: COPYUID pairs source and destination UIDs by position
        SequenceSet set = SequenceSet.of(List.of(Range.single(304), new Range(319, 320), Range.single(5)));
        assertThat(set.toString()).isEqualTo("304,319:320,5");
        assertThatThrownBy(() -> SequenceSet.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rangesValidateTheirEnds() {
        assertThatThrownBy(() -> new Range(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Range(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Range(1, 4294967296L)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Range(3, STAR).count()).isEqualTo(Long.MAX_VALUE);
        assertThat(new Range(3, 5).count()).isEqualTo(3);
        assertThat(SequenceSet.range(9, 2).toString()).isEqualTo("2:9");
    }
}
