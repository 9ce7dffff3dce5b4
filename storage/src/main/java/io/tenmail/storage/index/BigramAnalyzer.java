package io.tenmail.storage.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;

/**
 * Cuts already normalised text ({@link SearchText#normalize}) into overlapping pairs of code
 * points, each one position after the previous, so that a phrase of pairs finds a substring.
 * Thread-safe (Lucene gives each thread its own token stream).
 */
final class BigramAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new BigramTokenizer());
    }

    private static final class BigramTokenizer extends Tokenizer {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
        private final char[] buffer = new char[4096];
        private int length;
        private int at;
        private int consumed;   // chars of the input before buffer[0]
        private boolean exhausted;

        @Override
        public boolean incrementToken() throws IOException {
            clearAttributes();
            fill();
            if (at >= length) return false;
            int first = Character.charCount(Character.codePointAt(buffer, at, length));
            if (at + first >= length) return false;   // a last single code point has no pair
            int second = Character.charCount(Character.codePointAt(buffer, at + first, length));
            term.copyBuffer(buffer, at, first + second);
            offset.setOffset(correctOffset(consumed + at), correctOffset(consumed + at + first + second));
            position.setPositionIncrement(1);
            at += first;
            return true;
        }

        /** Keeps at least two code points (four chars) ahead of {@code at} while input remains. */
        private void fill() throws IOException {
            if (exhausted || length - at >= 4) return;
            System.arraycopy(buffer, at, buffer, 0, length - at);
            consumed += at;
            length -= at;
            at = 0;
            while (length < buffer.length) {
                int n = input.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    exhausted = true;
                    break;
                }
                length += n;
            }
        }

        @Override
        public void end() throws IOException {
            super.end();
            int end = correctOffset(consumed + length);
            offset.setOffset(end, end);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            length = at = consumed = 0;
            exhausted = false;
        }
    }
}
