package io.tenmail.smtp.spam.signing;

import io.tenmail.storage.DkimKeys;
import io.tenmail.storage.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The DKIM keys earlier versions kept as files, {@code <data dir>/dkim/<domain>/<selector>.pem}
 * (PKCS#8 PEM) with {@code current} naming the selector in use, imported once into
 * {@link DkimKeys}: a domain that already has keys in the database keeps them, so importing again
 * changes nothing. The files are left in place (they are the operator's to delete once imported);
 * a directory that cannot be read is logged and skipped.
 */
public final class DkimKeyFiles {
    private static final Logger log = LoggerFactory.getLogger(DkimKeyFiles.class);

    private final Path root;

    public DkimKeyFiles(Path root) {
        this.root = root;
    }

    /** Imports every domain directory under the root; answers how many domains got keys. */
    public int importInto(DkimKeys keys) {
        if (!Files.isDirectory(root)) return 0;
        int imported = 0;
        try (DirectoryStream<Path> domains = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path dir : domains) {
                try {
                    if (importDomain(dir, keys)) imported++;
                } catch (IOException | StoreException | RuntimeException e) {
                    log.warn("the DKIM keys in {} were not imported: {}", dir, e.getMessage());
                }
            }
        } catch (IOException e) {
            log.warn("cannot list the DKIM key directory {}: {}", root, e.getMessage());
        }
        return imported;
    }

    private static boolean importDomain(Path dir, DkimKeys keys) throws IOException, StoreException {
        Path pointer = dir.resolve("current");
        if (!Files.isRegularFile(pointer)) return false;
        String current = Files.readString(pointer, StandardCharsets.US_ASCII).trim();
        Map<String, byte[]> pems = new LinkedHashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.pem")) {
            for (Path pem : files) {
                String name = pem.getFileName().toString();
                pems.put(name.substring(0, name.length() - ".pem".length()), der(Files.readString(pem, StandardCharsets.US_ASCII)));
            }
        }
        String domain = dir.getFileName().toString();
        boolean done = keys.importKeys(domain, current, pems);
        if (done) log.info("DKIM keys of {} imported from {} ({} selectors, {} active); the files may be deleted", domain, dir, pems.size(), current);
        return done;
    }

    private static byte[] der(String pem) {
        return Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }
}
