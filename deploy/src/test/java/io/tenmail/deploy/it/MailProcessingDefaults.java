package io.tenmail.deploy.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shipped mailetcontainer.xml names io.tenmail.smtp.remote.RemoteDelivery, which the remote
 * delivery branch provides. Until that class is on the class path, the tests give a new data
 * directory the shipped file with the remote-delivery processor's mailet replaced by a Bounce
 * ("remote delivery not configured"); once it is there they leave the data directory alone, and
 * the server writes and runs the shipped default.
 */
final class MailProcessingDefaults {
    static final String REMOTE_DELIVERY = "io.tenmail.smtp.remote.RemoteDelivery";
    private static final String SHIPPED = "io/tenmail/deploy/dist/mailetcontainer.xml";

    private MailProcessingDefaults() {
    }

    static boolean remoteDeliveryPresent() {
        try {
            Class.forName(REMOTE_DELIVERY, false, MailProcessingDefaults.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Prepares {@code dataDir/conf/mailetcontainer.xml} as described above. */
    static void prepare(Path dataDir) throws IOException {
        if (remoteDeliveryPresent()) return;
        String shipped;
        try (InputStream in = MailProcessingDefaults.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) throw new IOException(SHIPPED + " is not on the class path");
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String mailet = "<mailet match=\"All\" class=\"" + REMOTE_DELIVERY + "\"/>";
        if (!shipped.contains(mailet)) throw new IllegalStateException("the shipped mailetcontainer.xml no longer has " + mailet);
        String replaced = shipped.replace(mailet,
                "<mailet match=\"All\" class=\"Bounce\"><status>550 5.3.5 remote delivery not configured</status></mailet>");
        Path file = dataDir.resolve("conf/mailetcontainer.xml");
        if (Files.exists(file)) return;
        if (!Files.exists(dataDir) && dataDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(dataDir.getParent());
            Files.createDirectory(dataDir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, replaced);
    }
}
