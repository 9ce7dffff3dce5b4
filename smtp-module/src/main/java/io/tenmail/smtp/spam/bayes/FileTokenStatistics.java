package io.tenmail.smtp.spam.bayes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * {@link TokenStatistics} kept in files under a directory ({@code <data dir>/bayes/}), one per tenant
 * ({@code tenant-<id>.tsv}: a first line with the message counts, then {@code token TAB spam TAB
 * ham}). A tenant's file is read on first use and rewritten after each training (temporary file,
 * fsync, rename), so a crash leaves the previous or the new state, never half of one. Training is
 * rare (users moving mail in and out of Junk) and classification frequent, so the counts are served
 * from memory. One server per data directory; a shared database store is the scale-out choice.
 * Thread-safe.
 */
public final class FileTokenStatistics implements TokenStatistics {
    private static final Logger log = LoggerFactory.getLogger(FileTokenStatistics.class);

    private final Path dir;
    private final Map<Long, TenantTokenCounts> tenants = new ConcurrentHashMap<>();

    public FileTokenStatistics(Path dir) {
        this.dir = dir;
    }

    private TenantTokenCounts tenant(long tenant) {
        return tenants.computeIfAbsent(tenant, this::load);
    }

    private Path file(long tenant) {
        return dir.resolve("tenant-" + tenant + ".tsv");
    }

    private TenantTokenCounts load(long tenant) {
        TenantTokenCounts c = new TenantTokenCounts();
        Path file = file(tenant);
        if (!Files.isRegularFile(file)) return c;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null) return c;
            String[] totals = first.split("\t");
            c.spam = Long.parseLong(totals[0]);
            c.ham = Long.parseLong(totals[1]);
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = line.split("\t");
                if (f.length == 3) c.tokens.put(f[0], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        } catch (IOException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // a damaged file must not stop mail: start over, keep the damaged file for the operator
            log.error("the Bayes statistics {} cannot be read ({}); starting without them", file, e.getMessage());
            try {
                Files.move(file, file.resolveSibling(file.getFileName() + ".damaged"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                log.error("cannot move {} aside: {}", file, moveFailed.getMessage());
            }
            return new TenantTokenCounts();
        }
        return c;
    }

    @Override
    public TokenCounts messages(long tenant) {
        TenantTokenCounts c = tenant(tenant);
        synchronized (c) {
            return c.messages();
        }
    }

    @Override
    public Map<String, TokenCounts> counts(long tenant, Set<String> tokens) {
        TenantTokenCounts c = tenant(tenant);
        synchronized (c) {
            return c.counts(tokens);
        }
    }

    @Override
    public void train(long tenant, Set<String> tokens, boolean spam) {
        change(tenant, tokens, spam, 1);
    }

    @Override
    public void untrain(long tenant, Set<String> tokens, boolean spam) {
        change(tenant, tokens, spam, -1);
    }

    private void change(long tenant, Set<String> tokens, boolean spam, int delta) {
        TenantTokenCounts c = tenant(tenant);
        // the file is one token per line, tab-separated: tokens that would break a line are not kept
        Set<String> storable = tokens.stream().filter(t -> t.indexOf('\t') < 0 && t.indexOf('\n') < 0 && t.indexOf('\r') < 0)
                .collect(Collectors.toSet());
        synchronized (c) {
            c.change(storable, spam, delta);
            try {
                save(tenant, c);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save the Bayes statistics of tenant " + tenant, e);
            }
        }
    }

    private void save(long tenant, TenantTokenCounts c) throws IOException {
        Files.createDirectories(dir);
        Path file = file(tenant);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            out.write(c.spam + "\t" + c.ham + "\n");
            for (Map.Entry<String, long[]> e : c.tokens.entrySet()) {
                out.write(e.getKey() + "\t" + e.getValue()[0] + "\t" + e.getValue()[1] + "\n");
            }
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
