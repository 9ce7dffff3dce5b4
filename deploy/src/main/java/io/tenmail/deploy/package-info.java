/**
 * The runnable server and its composition root. {@link io.tenmail.deploy.Main} dispatches
 * {@code tenmail serve} to {@link io.tenmail.deploy.ServeCommand} and every other command to the
 * admin CLI ({@code cli}). Configuration is read here once ({@link io.tenmail.deploy.TenmailConfig},
 * {@link io.tenmail.deploy.ServerSettings}) and handed to the modules as records; the storage
 * beans, the admin HTTP server and every {@link io.tenmail.protocol.ProtocolServer} are wired in
 * {@link io.tenmail.deploy.TenmailServer}. Nothing here implements a port.
 */
package io.tenmail.deploy;
