package io.tenmail.deploy.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte counts as people write them: {@code 1073741824}, {@code 1G}, {@code 512MiB}, {@code 10gb} (powers of 1024). */
final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)(i?b)?", Pattern.CASE_INSENSITIVE);
    private static final String UNITS = "kmgt";

    private ByteSize() {
    }

    /** The number of bytes, or -1 when {@code text} is not a size. */
    static long parse(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) return -1;
        if (m.group(2).isEmpty() && m.group(3) != null && m.group(3).length() == 2) return -1;   // "10ib": "i" needs a unit
        try {
            long value = Long.parseLong(m.group(1));
            int power = m.group(2).isEmpty() ? 0 : UNITS.indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
            for (int i = 0; i < power; i++) value = Math.multiplyExact(value, 1024L);
            return value;
        } catch (NumberFormatException | ArithmeticException e) {
            return -1;
        }
    }

    /** {@code 1610612736} -> {@code 1.5 GiB}; 0 -> "unlimited" (the API's "no limit"). */
    static String format(long bytes) {
        if (bytes == 0) return "unlimited";
        if (bytes < 1024) return bytes + " B";
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
        return number + " " + units[unit];
    }
}
