package io.tenmail.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The layout of the data directory. On first start it is created (mode 0700: it holds mail and
 * secrets) with {@code conf/tenmail.properties} copied from the distribution's default; an
 * existing directory and an existing configuration file are never touched. It is prepared before
 * logging starts (the log file lives in it), so it logs nothing itself and reports what it
 * created in {@link #created()}.
 *
 * <pre>
 * conf/tenmail.properties   the configuration
 * admin-token               the platform administrator's API token (0600)
 * tls/                      the generated self-signed certificate
 * db/  blobs/               the embedded database and message bodies (created by storage)
 * logs/                     tenmail.log
 * </pre>
 */
public final class DataDirectory {
    static final String DEFAULT_CONFIG_RESOURCE = "io/tenmail/deploy/dist/tenmail.properties";

    private final Path root;
    private final List<String> created = new ArrayList<>();

    private DataDirectory(Path root) {
        this.root = root;
    }

    /** The layout of {@code root}, without creating anything (the CLI reads from it). */
    public static DataDirectory at(Path root) {
        return new DataDirectory(root);
    }

    /** Creates what is missing: the directory itself, {@code conf/} with the default configuration, {@code logs/}. */
    public static DataDirectory prepare(Path root) throws IOException {
        DataDirectory dir = new DataDirectory(root);
        if (!Files.isDirectory(root)) {
            Files.createDirectories(root.getParent());
            try {
                if (root.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createDirectory(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectory(root);
                }
                dir.created.add("created data directory " + root);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(root)) throw new IOException(root + " exists and is not a directory");
            }
        }
        Files.createDirectories(dir.configFile().getParent());
        Files.createDirectories(dir.logsDir());
        if (!Files.exists(dir.configFile())) {
            try (InputStream defaults = DataDirectory.class.getClassLoader().getResourceAsStream(DEFAULT_CONFIG_RESOURCE)) {
                if (defaults == null) throw new IOException("the default configuration is missing from the class path");
                Files.copy(defaults, dir.configFile());
            }
            dir.created.add("wrote the default configuration to " + dir.configFile());
        }
        return dir;
    }

    /** What {@link #prepare} created, as log lines. */
    public List<String> created() {
        return List.copyOf(created);
    }

    public Path root() {
        return root;
    }

    public Path configFile() {
        return root.resolve(TenmailConfig.CONFIG_FILE);
    }

    public Path adminTokenFile() {
        return root.resolve("admin-token");
    }

    public Path logsDir() {
        return root.resolve("logs");
    }
}
