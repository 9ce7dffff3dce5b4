package io.tenmail.smtp.spam.bayes;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a message into the set of features the classifier counts: words of the Subject
 * ({@code s:word}) and of the text parts (HTML with its tags dropped), the host names of links
 * ({@code url:host}), the author's domain ({@code from:domain}), and the types of attachments
 * ({@code type:application/zip}). Words are runs of letters and digits, lower-cased, 3 to 30 long,
 * not all digits. Han, Hiragana, Katakana and Hangul text has no spaces between words, so it
 * gives overlapping character pairs instead (a common choice for CJK in statistical filters).
 * At most {@link #MAX_TOKENS} features per message; a feature counts once per message.
 */
public final class Tokenizer {
    public static final int MAX_TOKENS = 2000;
    private static final int MAX_TEXT_CHARS = 200_000;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'_-]*");
    private static final Pattern URL_HOST = Pattern.compile("(?i)https?://([a-z0-9.-]+)");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

    private Tokenizer() {
    }

    public static Set<String> tokens(MimeMessage message) throws MessagingException {
        Set<String> out = new LinkedHashSet<>();
        String subject = message.getSubject();
        if (subject != null) words(subject, "s:", out);
        String[] from = message.getHeader("From");
        if (from != null && from.length > 0) {
            try {
                for (InternetAddress a : InternetAddress.parseHeader(from[0], false)) {
                    String address = a.getAddress();
                    int at = address == null ? -1 : address.lastIndexOf('@');
                    if (at > 0) out.add("from:" + address.substring(at + 1).toLowerCase(Locale.ROOT));
                }
            } catch (MessagingException e) {
                out.add("from:unparseable");
            }
        }
        try {
            part(message, out, 0);
        } catch (IOException e) {
            out.add("body:unreadable");
        }
        return out;
    }

    private static void part(Part part, Set<String> out, int depth) throws MessagingException, IOException {
        if (out.size() >= MAX_TOKENS || depth > 10) return;
        if (part.isMimeType("multipart/*")) {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    part(child, out, depth + 1);
                }
            }
        } else if (part.isMimeType("text/plain") || part.isMimeType("text/html")) {
            Object content = part.getContent();
            String text = content instanceof String s ? s : "";
            if (text.length() > MAX_TEXT_CHARS) text = text.substring(0, MAX_TEXT_CHARS);
            Matcher urls = URL_HOST.matcher(text);
            while (urls.find() && out.size() < MAX_TOKENS) out.add("url:" + urls.group(1).toLowerCase(Locale.ROOT));
            if (part.isMimeType("text/html")) text = TAG.matcher(text).replaceAll(" ");
            words(text, "", out);
        } else {
            String type = part.getContentType() == null ? "unknown" : part.getContentType().split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            out.add("type:" + type);
        }
    }

    static void words(String text, String prefix, Set<String> out) {
        Matcher m = WORD.matcher(text);
        while (m.find() && out.size() < MAX_TOKENS) {
            String word = m.group().toLowerCase(Locale.ROOT);
            if (hasCjk(word)) {
                cjkPairs(word, prefix, out);
            } else if (word.length() >= 3 && word.length() <= 30 && !allDigits(word)) {
                out.add(prefix + word);
            }
        }
    }

    private static void cjkPairs(String word, String prefix, Set<String> out) {
        int[] cps = word.codePoints().toArray();
        StringBuilder latin = new StringBuilder();
        for (int i = 0; i < cps.length && out.size() < MAX_TOKENS; i++) {
            if (isCjk(cps[i])) {
                if (i + 1 < cps.length && isCjk(cps[i + 1])) out.add(prefix + new String(cps, i, 2));
                else if (i == 0 || !isCjk(cps[i - 1])) out.add(prefix + new String(cps, i, 1));
            } else {
                latin.appendCodePoint(cps[i]);
            }
        }
        if (latin.length() >= 3) out.add(prefix + latin);
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) if (!Character.isDigit(s.charAt(i))) return false;
        return true;
    }

    private static boolean hasCjk(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (isCjk(cp)) return true;
            i += Character.charCount(cp);
        }
        return false;
    }

    /** The first code point of the Hangul, Han, Hiragana and Katakana scripts (Hangul Jamo). */
    private static final int FIRST_CJK = 0x1100;

    private static boolean isCjk(int cp) {
        if (cp < FIRST_CJK) return false;   // most text: no script table look-up
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
