package io.tenmail.protocol.auth;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Slows down password guessing. Failed logins are counted in a sliding window per client address
 * and per account; once a key has more than its free failures in the window, each further attempt
 * has to wait twice as long as the one before (1 s, 2 s, 4 s ... up to the policy's maximum), and
 * an attempt made during the wait is refused without checking the password, so a guess during a
 * lockout learns nothing.
 *
 * <p>Use: {@link #check} before verifying credentials; if not {@link Verdict#allowed()}, refuse
 * with a temporary error; otherwise verify, then call {@link #failed} or {@link #succeeded}.
 *
 * <p>IPv6 clients are counted per /64 (one customer's allocation, RFC 6177), IPv4 per address.
 * A success clears the account's failures but not the address's, so a valid account cannot be used
 * to reset the counter of an address that guesses at others.
 *
 * <p>Thread-safe: every method takes one lock; logins are rare next to I/O. Memory is bounded:
 * each key remembers at most the failures that still change its delay, and each table keeps at
 * most {@code maxTrackedKeys} keys, forgetting the least recently seen one first.
 */
public final class LoginThrottle {

    /**
     * @param freeFailures failures in the window before any delay applies
     * @param window       how long a failure counts
     * @param firstDelay   the wait after the first failure past the free ones; doubles with each further one
     * @param maxDelay     the longest wait (a temporary lockout)
     */
    public record Policy(int freeFailures, Duration window, Duration firstDelay, Duration maxDelay) {
        public Policy {
            if (freeFailures < 0) throw new IllegalArgumentException("freeFailures must be >= 0");
            if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("window must be positive");
            if (firstDelay.isNegative() || firstDelay.isZero()) throw new IllegalArgumentException("firstDelay must be positive");
            if (maxDelay.compareTo(firstDelay) < 0) throw new IllegalArgumentException("maxDelay must be >= firstDelay");
        }

        /** Failures beyond this many no longer change the delay; older ones need not be kept. */
        int failuresWorthKeeping() {
            long steps = 0;
            for (Duration d = firstDelay; d.compareTo(maxDelay) < 0; d = d.multipliedBy(2)) steps++;
            return (int) Math.min(freeFailures + steps + 1, 1024);
        }
    }

    /** An office behind one NAT address shares this allowance. */
    public static final Policy PER_ADDRESS = new Policy(20, Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofMinutes(15));
    public static final Policy PER_ACCOUNT = new Policy(5, Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofMinutes(15));
    public static final int MAX_TRACKED_KEYS = 50_000;

    /** Whether an attempt may proceed now, and if not, how long until it may. */
    public record Verdict(Duration retryAfter) {
        public static final Verdict ALLOWED = new Verdict(Duration.ZERO);

        public boolean allowed() {
            return retryAfter.isZero();
        }
    }

    private final Table byAddress;
    private final Table byAccount;
    private final Clock clock;

    public LoginThrottle(Policy perAddress, Policy perAccount, int maxTrackedKeys, Clock clock) {
        if (maxTrackedKeys < 1) throw new IllegalArgumentException("maxTrackedKeys must be >= 1");
        this.byAddress = new Table(perAddress, maxTrackedKeys);
        this.byAccount = new Table(perAccount, maxTrackedKeys);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The defaults: {@link #PER_ADDRESS}, {@link #PER_ACCOUNT}, {@link #MAX_TRACKED_KEYS}, system clock. */
    public static LoginThrottle withDefaults() {
        return new LoginThrottle(PER_ADDRESS, PER_ACCOUNT, MAX_TRACKED_KEYS, Clock.systemUTC());
    }

    /**
     * May {@code client} try to log in as {@code account} now?
     *
     * @param account the user name as given, or null when not known yet
     */
    public synchronized Verdict check(InetAddress client, String account) {
        long now = clock.millis();
        long wait = byAddress.waitMillis(addressKey(client), now);
        if (account != null) wait = Math.max(wait, byAccount.waitMillis(accountKey(account), now));
        return wait <= 0 ? Verdict.ALLOWED : new Verdict(Duration.ofMillis(wait));
    }

    /** Records a failed login (wrong password, unknown user, disabled account). */
    public synchronized void failed(InetAddress client, String account) {
        long now = clock.millis();
        byAddress.record(addressKey(client), now);
        if (account != null) byAccount.record(accountKey(account), now);
    }

    /** Records a successful login: the account's failures are forgiven. */
    public synchronized void succeeded(InetAddress client, String account) {
        if (account != null) byAccount.forget(accountKey(account));
    }

    /** How many keys are tracked, per address and per account (for tests and metrics). */
    public synchronized int[] trackedKeys() {
        return new int[] {byAddress.size(), byAccount.size()};
    }

    static String accountKey(String account) {
        return account.trim().toLowerCase(Locale.ROOT);
    }

    static String addressKey(InetAddress client) {
        if (client instanceof Inet6Address v6) {
            byte[] bytes = v6.getAddress();
            if (isIpv4Mapped(bytes)) return ipv4(Arrays.copyOfRange(bytes, 12, 16));
            Arrays.fill(bytes, 8, 16, (byte) 0);   // the /64 prefix
            try {
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException("16 bytes are always an IPv6 address", e);
            }
        }
        if (client instanceof Inet4Address) return client.getHostAddress();
        return String.valueOf(client);
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) if (bytes[i] != 0) return false;
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static String ipv4(byte[] four) {
        return (four[0] & 0xff) + "." + (four[1] & 0xff) + "." + (four[2] & 0xff) + "." + (four[3] & 0xff);
    }

    /** Failures per key, newest last; least recently used keys are evicted past the bound. */
    private static final class Table {
        private final Policy policy;
        private final int keep;
        private final Map<String, Failures> failures;

        Table(Policy policy, int maxKeys) {
            this.policy = policy;
            this.keep = policy.failuresWorthKeeping();
            this.failures = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                    return size() > maxKeys;
                }
            };
        }

        long waitMillis(String key, long now) {
            Failures f = failures.get(key);
            if (f == null) return 0;
            f.expire(now - policy.window().toMillis());
            if (f.count == 0) {
                failures.remove(key);
                return 0;
            }
            int excess = f.count - policy.freeFailures();
            if (excess <= 0) return 0;
            long delay = policy.firstDelay().toMillis();
            for (int i = 1; i < excess && delay < policy.maxDelay().toMillis(); i++) delay *= 2;
            delay = Math.min(delay, policy.maxDelay().toMillis());
            return f.newest() + delay - now;
        }

        void record(String key, long now) {
            Failures f = failures.computeIfAbsent(key, k -> new Failures(keep));
            f.expire(now - policy.window().toMillis());
            f.add(now);
        }

        void forget(String key) {
            failures.remove(key);
        }

        int size() {
            return failures.size();
        }
    }

    /** A ring of failure times in epoch milliseconds, oldest first. */
    private static final class Failures {
        private final long[] times;
        private int start;
        private int count;

        Failures(int capacity) {
            this.times = new long[capacity];
        }

        void add(long time) {
            if (count == times.length) {
                // full: the oldest no longer changes the delay
                start = (start + 1) % times.length;
                count--;
            }
            times[(start + count) % times.length] = time;
            count++;
        }

        void expire(long before) {
            while (count > 0 && times[start] <= before) {
                start = (start + 1) % times.length;
                count--;
            }
        }

        long newest() {
            return times[(start + count - 1) % times.length];
        }
    }

    @Override
    public String toString() {
        return "LoginThrottle[address=" + byAddress.policy + ", account=" + byAccount.policy + "]";
    }
}
