package io.tenmail.deploy.cli;

import io.tenmail.deploy.AdminToken;
import io.tenmail.deploy.DataDirectory;
import io.tenmail.deploy.ServerSettings;
import io.tenmail.deploy.TenmailConfig;
import io.tenmail.protocol.ListenerSpec;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the admin API of a server is and the token that opens it.
 *
 * @param apiBase   e.g. {@code http://127.0.0.1:8080/api/v1/}
 * @param token     the platform administrator's bearer token
 * @param tokenFile where the token came from, for messages
 */
public record ServerEndpoint(URI apiBase, String token, Path tokenFile) {

    /**
     * Finds the server the same way it finds its own configuration: the data directory, its
     * {@code conf/tenmail.properties}, the environment and system properties give the HTTP port
     * and address; {@code <data dir>/admin-token} gives the token.
     *
     * @throws io.tenmail.deploy.SettingsException the configuration is invalid
     * @throws UnreachableException                the token file is missing or unreadable
     */
    public static ServerEndpoint locate(Path dataDir, Map<String, String> environment, Map<String, String> systemProperties)
            throws UnreachableException {
        ServerSettings settings = ServerSettings.from(TenmailConfig.load(dataDir, environment, systemProperties));
        URI base = URI.create("http://" + ListenerSpec.hostAndPort(settings.httpClientHost(), settings.ports().http()) + "/api/v1/");
        Path tokenFile = DataDirectory.at(dataDir).adminTokenFile();
        try {
            return new ServerEndpoint(base, AdminToken.read(tokenFile), tokenFile);
        } catch (NoSuchFileException e) {
            throw new UnreachableException("no admin token in " + tokenFile + ": the server has not been started with this "
                    + "data directory yet; start it with 'tenmail serve', or set TENMAIL_DATA_DIR to the server's data directory");
        } catch (AccessDeniedException e) {
            throw new UnreachableException("cannot read " + tokenFile + " (permission denied); run this command as the user that runs the server");
        } catch (IOException e) {
            throw new UnreachableException("cannot read the admin token: " + e.getMessage());
        }
    }
}
