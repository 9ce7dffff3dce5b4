package io.tenmail.protocol.limits;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Counts open connections, in total and per client address, and refuses new ones past the
 * limits. IPv4 clients count per address; IPv6 clients per /64, since one customer usually holds
 * a whole /64 (RFC 6177) and could otherwise open a connection from each of its addresses.
 *
 * <p>Use: {@link #tryOpen} when a connection is accepted; if it returns {@link Verdict#ALLOWED},
 * call {@link #closed} exactly once when that connection ends. Refused connections are not counted.
 *
 * <p>Thread-safe: every method takes one lock; it is held for a map update only.
 */
public final class ConnectionLimits {

    /** The answer to {@link #tryOpen}. */
    public enum Verdict {
        ALLOWED,
        /** Over the limit for the whole listener group. */
        TOO_MANY_TOTAL,
        /** Over the limit for the client's address (or /64). */
        TOO_MANY_FROM_ADDRESS
    }

    private final int maxTotal;
    private final int maxPerAddress;
    private final Map<String, Integer> perAddress = new HashMap<>();
    private int total;

    /**
     * @param maxTotal      open connections allowed at once, at least 1
     * @param maxPerAddress open connections allowed from one address (or /64), at least 1
     */
    public ConnectionLimits(int maxTotal, int maxPerAddress) {
        if (maxTotal < 1) throw new IllegalArgumentException("maxTotal must be at least 1: " + maxTotal);
        if (maxPerAddress < 1) throw new IllegalArgumentException("maxPerAddress must be at least 1: " + maxPerAddress);
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
    }

    /** Counts a new connection from {@code client} if the limits allow it. */
    public synchronized Verdict tryOpen(InetAddress client) {
        Objects.requireNonNull(client, "client");
        if (total >= maxTotal) return Verdict.TOO_MANY_TOTAL;
        String key = key(client);
        int open = perAddress.getOrDefault(key, 0);
        if (open >= maxPerAddress) return Verdict.TOO_MANY_FROM_ADDRESS;
        perAddress.put(key, open + 1);
        total++;
        return Verdict.ALLOWED;
    }

    /** Forgets a connection that {@link #tryOpen} allowed. */
    public synchronized void closed(InetAddress client) {
        String key = key(client);
        Integer open = perAddress.get(key);
        if (open == null) throw new IllegalStateException("no open connection counted for " + key);
        if (open == 1) perAddress.remove(key);
        else perAddress.put(key, open - 1);
        total--;
    }

    /** Open connections counted, in total. */
    public synchronized int total() {
        return total;
    }

    /** Open connections counted for this client's address (or /64). */
    public synchronized int from(InetAddress client) {
        return perAddress.getOrDefault(key(client), 0);
    }

    /** The counting key of a client: its IPv4 address, or its IPv6 /64 (also used by rate limits). */
    public static String key(InetAddress client) {
        if (client instanceof Inet6Address v6) {
            byte[] bytes = v6.getAddress();
            if (isIpv4Mapped(bytes)) return (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
            return Arrays.toString(Arrays.copyOf(bytes, 8)) + "/64";
        }
        if (client instanceof Inet4Address) return client.getHostAddress();
        return String.valueOf(client);
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) if (bytes[i] != 0) return false;
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }
}
