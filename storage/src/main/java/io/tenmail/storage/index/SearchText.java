package io.tenmail.storage.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one normalisation both sides of the index apply, so that an indexed text contains a query
 * exactly when the normalised text contains the normalised query as a substring: lower case
 * (RFC 9051 §6.4.4 asks for case-insensitive matching) and every run of white space as one space.
 * Indexed text is cut into overlapping pairs of code points, one position apart; a query is the
 * phrase of its pairs, so any script works — Chinese, Japanese and Korean need no word segmentation.
 */
final class SearchText {
    private SearchText() {
    }

    static String normalize(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length());
        boolean space = false;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = true;
                continue;
            }
            if (space && !sb.isEmpty()) sb.append(' ');
            space = false;
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    /** The overlapping code point pairs of an already normalised text, in order. */
    static List<String> bigrams(String normalized) {
        List<String> grams = new ArrayList<>();
        int[] cps = normalized.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) grams.add(new String(cps, i, 2));
        return grams;
    }
}
