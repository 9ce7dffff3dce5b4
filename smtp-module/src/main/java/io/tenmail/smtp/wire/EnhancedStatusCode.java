package io.tenmail.smtp.wire;

/**
 * An enhanced mail system status code, {@code class.subject.detail} (RFC 3463 §2, used in replies
 * as RFC 2034 describes).
 *
 * @param codeClass 2 (success), 4 (persistent transient failure) or 5 (permanent failure)
 * @param subject 0-999
 * @param detail 0-999
 */
public record EnhancedStatusCode(int codeClass, int subject, int detail) {

    public EnhancedStatusCode {
        if (codeClass != 2 && codeClass != 4 && codeClass != 5) {
            throw new IllegalArgumentException("enhanced status class must be 2, 4 or 5: " + codeClass);
        }
        // RFC 3463 §2: subject and detail are 1*3digit
        if (subject < 0 || subject > 999 || detail < 0 || detail > 999) {
            throw new IllegalArgumentException("enhanced status subject/detail out of range: " + subject + "." + detail);
        }
    }

    /** Parses {@code "5.1.1"}; throws {@link IllegalArgumentException} for anything else. */
    public static EnhancedStatusCode parse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 3) throw new IllegalArgumentException("not an enhanced status code: " + text);
        int[] numbers = new int[3];
        for (int i = 0; i < 3; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("not an enhanced status code: " + text);
            }
            numbers[i] = Integer.parseInt(p);
        }
        return new EnhancedStatusCode(numbers[0], numbers[1], numbers[2]);
    }

    @Override
    public String toString() {
        return codeClass + "." + subject + "." + detail;
    }
}
