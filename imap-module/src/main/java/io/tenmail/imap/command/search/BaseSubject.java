package io.tenmail.imap.command.search;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * The base subject of RFC 5256 §2.1, which SORT (SUBJECT) and both THREAD algorithms compare:
 * the Subject header decoded (RFC 2047) and stripped of reply and forward markers ({@code Re:},
 * {@code Fwd:}, {@code [fwd: …]}, a trailing {@code (fwd)}) and of leading {@code [blob]}s, so that
 * a reply sorts and threads with its original. Also says whether anything marking a reply or
 * forward was removed, which the REFERENCES algorithm needs (§3, step 6).
 *
 * @param text           the base subject, possibly empty; compare it with {@link #key()}
 * @param replyOrForward a {@code subj-refwd}, {@code (fwd)} trailer or {@code [fwd: ]} was removed
 */
public record BaseSubject(String text, boolean replyOrForward) {

    /** RFC 5256 §2.1 for a raw Subject header value; null (no Subject) gives the empty base subject. */
    public static BaseSubject of(String rawSubject) {
        if (rawSubject == null) return new BaseSubject("", false);
        String s = normalizeSpace(decode(rawSubject));
        boolean refwd = false;
        while (true) {
            // (2) remove subj-trailer ("(fwd)" / WSP) repeatedly
            boolean changed = true;
            while (changed) {
                changed = false;
                if (s.endsWith(" ")) {
                    s = s.substring(0, s.length() - 1);
                    changed = true;
                } else if (s.length() >= 5 && s.regionMatches(true, s.length() - 5, "(fwd)", 0, 5)) {
                    s = s.substring(0, s.length() - 5);
                    refwd = true;
                    changed = true;
                }
            }
            // (3)-(5) remove subj-leaders, then a subj-blob that leaves a non-empty subj-base, repeatedly
            boolean again = true;
            while (again) {
                again = false;
                int end;
                while ((end = leader(s)) > 0) {
                    if (s.charAt(0) != ' ') refwd = true;
                    s = s.substring(end);
                    again = true;
                }
                int blob = blob(s, 0);
                if (blob > 0 && blob < s.length()) {
                    s = s.substring(blob);
                    again = true;
                }
            }
            // (6) "[fwd:" subject "]": unwrap and start over at (2)
            if (s.length() >= 6 && s.regionMatches(true, 0, "[fwd:", 0, 5) && s.endsWith("]")) {
                s = s.substring(5, s.length() - 1);
                refwd = true;
                continue;
            }
            return new BaseSubject(s, refwd);
        }
    }

    /** The text as compared under i;ascii-casemap (RFC 4790 §9.2): ASCII letters upper-cased. */
    public String key() {
        return Collation.asciiUpper(text);
    }

    private static String decode(String raw) {
        try {
            return DecoderUtil.decodeEncodedWords(raw, DecodeMonitor.SILENT);
        } catch (RuntimeException e) {
            return raw;   // a malformed encoded word is compared as sent
        }
    }

    /** (1) unfold, tabs to spaces, runs of spaces to one. */
    private static String normalizeSpace(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n') continue;
            if (c == '\t') c = ' ';
            if (c == ' ' && !sb.isEmpty() && sb.charAt(sb.length() - 1) == ' ') continue;
            sb.append(c);
        }
        return sb.toString();
    }

    /** subj-leader = (*subj-blob subj-refwd) / WSP: the end of one at the start of s, or 0. */
    private static int leader(String s) {
        if (s.isEmpty()) return 0;
        if (s.charAt(0) == ' ') return 1;
        int i = 0;
        int b;
        while ((b = blob(s, i)) > 0) i = b;
        int end = refwd(s, i);
        return Math.max(end, 0);
    }

    /** subj-refwd = ("re" / ("fw" ["d"])) *WSP [subj-blob] ":" starting at i: its end, or -1. */
    private static int refwd(String s, int i) {
        int k;
        if (s.regionMatches(true, i, "fwd", 0, 3)) k = i + 3;
        else if (s.regionMatches(true, i, "fw", 0, 2) || s.regionMatches(true, i, "re", 0, 2)) k = i + 2;
        else return -1;
        while (k < s.length() && s.charAt(k) == ' ') k++;
        int b = blob(s, k);
        if (b > 0) k = b;
        return k < s.length() && s.charAt(k) == ':' ? k + 1 : -1;
    }

    /** subj-blob = "[" *BLOBCHAR "]" *WSP starting at i: its end, or -1. */
    private static int blob(String s, int i) {
        if (i >= s.length() || s.charAt(i) != '[') return -1;
        int k = i + 1;
        while (k < s.length() && s.charAt(k) != ']' && s.charAt(k) != '[') k++;
        if (k >= s.length() || s.charAt(k) != ']') return -1;
        k++;
        while (k < s.length() && s.charAt(k) == ' ') k++;
        return k;
    }

    @Override
    public String toString() {
        return text + (replyOrForward ? " (reply/forward)" : "");
    }
}
