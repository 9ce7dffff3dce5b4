package io.tenmail.deploy;

import io.tenmail.protocol.SecretFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The platform administrator's API token: 256 random bits, base64url, one line in
 * {@code <data dir>/admin-token} with mode 0600. Created on first start, then kept, so the CLI and
 * scripts can rely on it; delete the file and restart to replace it.
 */
public final class AdminToken {
    private static final Logger log = LoggerFactory.getLogger(AdminToken.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private AdminToken() {
    }

    /** The token in {@code file}, created when the file does not exist. */
    public static String ensure(Path file) throws IOException {
        if (Files.exists(file)) return read(file);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        SecretFiles.write(file, (token + "\n").getBytes(StandardCharsets.US_ASCII));
        log.info("created the platform administrator's API token in {}", file);
        return token;
    }

    /** The token in {@code file}. */
    public static String read(Path file) throws IOException {
        String token;
        try {
            token = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no admin token");
        }
        if (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)) {
            throw new IOException(file + " does not hold a token; delete it and restart the server to create a new one");
        }
        return token;
    }
}
