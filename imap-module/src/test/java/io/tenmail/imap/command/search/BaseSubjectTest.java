package io.tenmail.imap.command.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 5256 §2.1: base subject extraction, step by step. */
class BaseSubjectTest {

    @ParameterizedTest(name = "[{index}] ''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', value = {
            // (2) trailers: "(fwd)" and white space
            "hello (fwd)|hello|true",
            "hello (FWD)  (fwd) |hello|true",
            "hello   |hello|false",
            // (3) leaders: subj-refwd and white space, repeated
            "Re: hello|hello|true",
            "RE: Fw: FWD: re:hello|hello|true",
            "Re[2]: hello|hello|true",
            "Re [list]: hello|hello|true",
            "  hello|hello|false",
            "[list] Re: hello|hello|true",
            "Re: [list] Re: hello|hello|true",
            // (4) a leading blob goes only if something is left
            "[PATCH] hello|hello|false",
            "[PATCH] [v2] hello|hello|false",
            "[PATCH]|[PATCH]|false",
            "[a] [b]|[b]|false",
            // (6) [fwd: ...] wrapper, then start over
            "[Fwd: Re: hello]|hello|true",
            "[fwd: [fwd: hello (fwd)]]|hello|true",
            // not markers
            "Fwd hello|Fwd hello|false",
            "Reply: hello|Reply: hello|false",
            "Re hello|Re hello|false",
            "hello Re: world|hello Re: world|false",
            "re:|''|true",
            "''|''|false",
    })
    void extractsTheBaseSubject(String subject, String base, boolean replyOrForward) {
        BaseSubject b = BaseSubject.of(subject);
        assertThat(b.text()).isEqualTo(base);
        assertThat(b.replyOrForward()).isEqualTo(replyOrForward);
    }

    @Test
    void decodesEncodedWordsAndFoldsWhiteSpaceFirst() {
        // (1) RFC 2047 words to UTF-8, tabs and folding to one space
        assertThat(BaseSubject.of("=?UTF-8?B?UmU6IOS4reaWhw==?=").text()).isEqualTo("中文");
        assertThat(BaseSubject.of("Re:\tlong\r\n  subject\t\there").text()).isEqualTo("long subject here");
        assertThat(BaseSubject.of("=?ISO-8859-1?Q?Re=3A_caf=E9?= (fwd)").text()).isEqualTo("café");
    }

    @Test
    void missingSubjectIsEmpty() {
        assertThat(BaseSubject.of(null).text()).isEmpty();
        assertThat(BaseSubject.of(null).replyOrForward()).isFalse();
    }

    @Test
    void keyComparesUnderAsciiCasemap() {
        assertThat(BaseSubject.of("Re: Hello wörld").key()).isEqualTo(BaseSubject.of("hello Wörld").key());
        assertThat(Collation.compare("abc", "ABD")).isNegative();
        assertThat(Collation.compare("ABC", "abc")).isZero();
        assertThat(Collation.compare("ab", "abc")).isNegative();
        // non-ASCII letters are not case-folded
        assertThat(Collation.compare("ä", "Ä")).isNotZero();
    }
}
