package io.tenmail.storage.directory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code 192.0.2.0/24}, {@code 2001:db8::/32}), or a
 * single address (a full-length prefix). Parsing never touches DNS. An IPv4 network also matches
 * the IPv4-mapped IPv6 form of its addresses ({@code ::ffff:192.0.2.1}, RFC 4291 §2.5.5.2), which
 * is how a dual-stack socket reports an IPv4 client.
 */
public record IpNetwork(byte[] address, int prefixLength) {

    public IpNetwork {
        if (address.length != 4 && address.length != 16) throw new IllegalArgumentException("not an IP address");
        if (prefixLength < 0 || prefixLength > address.length * 8) {
            throw new IllegalArgumentException("prefix length must be 0.." + address.length * 8 + ": " + prefixLength);
        }
        address = mask(address.clone(), prefixLength);
    }

    /** Parses {@code address} or {@code address/prefix}; throws IllegalArgumentException with a reason. */
    public static IpNetwork parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("empty network");
        String s = text.strip();
        int slash = s.indexOf('/');
        String host = slash < 0 ? s : s.substring(0, slash);
        byte[] bytes = parseAddress(host);
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("invalid prefix length in " + text);
            }
            prefix = Integer.parseInt(p);
        }
        return new IpNetwork(bytes, prefix);
    }

    /** The network address (host bits zero), a copy. */
    @Override
    public byte[] address() {
        return address.clone();
    }

    /** Whether {@code client} lies inside this network. */
    public boolean contains(InetAddress client) {
        byte[] c = client.getAddress();
        if (c.length == 16 && address.length == 4 && isIpv4Mapped(c)) c = Arrays.copyOfRange(c, 12, 16);
        if (c.length != address.length) return false;
        return Arrays.equals(mask(c, prefixLength), address);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpNetwork n && n.prefixLength == prefixLength && Arrays.equals(n.address, address);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(address) * 31 + prefixLength;
    }

    /**
     * The canonical text form: dotted quad for IPv4 ({@code 10.0.0.0/8}), RFC 5952 for IPv6
     * ({@code 2001:db8::/32}). {@link #parse} reads it back to an equal network.
     */
    @Override
    public String toString() {
        return (address.length == 4 ? ipv4Text(address) : ipv6Text(address)) + "/" + prefixLength;
    }

    private static String ipv4Text(byte[] a) {
        return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
    }

    /**
     * RFC 5952 §4: lower-case hex without leading zeros; the longest run of two or more zero
     * groups (the first of equally long runs) becomes "::"; a single zero group stays "0".
     */
    private static String ipv6Text(byte[] a) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) groups[i] = (a[2 * i] & 0xff) << 8 | (a[2 * i + 1] & 0xff);
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int end = i;
            while (end < 8 && groups[end] == 0) end++;
            if (end - i > bestLength) {
                bestStart = i;
                bestLength = end - i;
            }
            i = end;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') text.append(':');
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    private static byte[] parseAddress(String host) {
        if (host.indexOf(':') >= 0) {
            if (host.indexOf('%') >= 0) throw new IllegalArgumentException("zone ids are not allowed: " + host);
            try {
                // in brackets InetAddress takes an IPv6 literal or nothing; without them, a text
                // such as "zz::1" that is no literal would be looked up in the DNS
                byte[] b = InetAddress.getByName("[" + host + "]").getAddress();
                if (b.length == 4) throw new IllegalArgumentException("write IPv4 networks in dotted form: " + host);
                return b;
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("invalid IPv6 address: " + host, e);
            }
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) throw new IllegalArgumentException("invalid IPv4 address: " + host);
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(ch -> ch >= '0' && ch <= '9')
                    || (part.length() > 1 && part.charAt(0) == '0')) {
                // leading zeros are refused: some parsers read them as octal
                throw new IllegalArgumentException("invalid IPv4 address: " + host);
            }
            int v = Integer.parseInt(part);
            if (v > 255) throw new IllegalArgumentException("invalid IPv4 address: " + host);
            b[i] = (byte) v;
        }
        return b;
    }

    private static boolean isIpv4Mapped(byte[] a) {
        for (int i = 0; i < 10; i++) if (a[i] != 0) return false;
        return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
    }

    private static byte[] mask(byte[] a, int prefix) {
        for (int i = 0; i < a.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - i * 8));
            a[i] &= (byte) (0xff << (8 - bits));
        }
        return a;
    }
}
