package io.tenmail.storage.index;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {
    @Test
    void normalizingLowersCaseAndFoldsWhiteSpaceRuns() {
        assertThat(SearchText.normalize("  Hello\r\n\t WORLD  ")).isEqualTo("hello world");
        assertThat(SearchText.normalize("项目\u3000预算")).isEqualTo("项目 预算");
    }

    @Test
    void bigramsOverlapByOneCodePointIncludingSupplementaryOnes() {
        assertThat(SearchText.bigrams("abc")).containsExactly("ab", "bc");
        assertThat(SearchText.bigrams("a")).isEmpty();
        assertThat(SearchText.bigrams("😀x")).containsExactly("😀x");
    }

    @Test
    void theAnalyzerEmitsTheSameBigramsOnePositionApartAcrossItsBuffer() throws IOException {
        String text = "ab".repeat(3000) + "项目预算";
        List<String> terms = new ArrayList<>();
        try (BigramAnalyzer analyzer = new BigramAnalyzer(); TokenStream ts = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                assertThat(inc.getPositionIncrement()).isEqualTo(1);
                terms.add(term.toString());
            }
            ts.end();
        }
        assertThat(terms).isEqualTo(SearchText.bigrams(text));
    }
}
