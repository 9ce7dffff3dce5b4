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
 * secrets) with {@code conf/tenmail.properties} and {@code conf/mailetcontainer.xml} copied from
 * the distribution's defaults; an existing directory and existing configuration files are never
 * touched. It is prepared before
 * logging starts (the log file lives in it), so it logs nothing itself and reports what it
 * created in {@link #created()}.
 *
 * <pre>
 * conf/tenmail.properties   the configuration
 * conf/mailetcontainer.xml  mail processing: the mailet container's processors
 * admin-token               the platform administrator's API token (0600)
 * tls/                      the generated self-signed certificate
 * db/  blobs/               the embedded database and message bodies (created by storage)
 * logs/                     tenmail.log
 * </pre>
 */
public final class DataDirectory {
    static final String DEFAULT_CONFIG_RESOURCE = "io/tenmail/deploy/dist/tenmail.properties";
    static final String DEFAULT_MAILETS_RESOURCE = "io/tenmail/deploy/dist/mailetcontainer.xml";
    public static final String MAILETS_FILE = "conf/mailetcontainer.xml";

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
        dir.writeDefault(DEFAULT_CONFIG_RESOURCE, dir.configFile(), "configuration");
        dir.writeDefault(DEFAULT_MAILETS_RESOURCE, dir.mailetsFile(), "mail processing");
        return dir;
    }

    private void writeDefault(String resource, Path file, String what) throws IOException {
        if (Files.exists(file)) return;
        try (InputStream defaults = DataDirectory.class.getClassLoader().getResourceAsStream(resource)) {
            if (defaults == null) throw new IOException("the default " + what + " is missing from the class path");
            Files.copy(defaults, file);
        }
        created.add("wrote the default " + what + " to " + file);
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

    public Path mailetsFile() {
        return root.resolve(MAILETS_FILE);
    }

    public Path adminTokenFile() {
        return root.resolve("admin-token");
    }

    public Path logsDir() {
        return root.resolve("logs");
    }
}
