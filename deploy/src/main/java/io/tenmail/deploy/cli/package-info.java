/**
 * The admin command-line client: {@code tenmail domain|user|alias|group|tenant ...}. It parses
 * the command line ({@link io.tenmail.deploy.cli.CliParser} against the table in
 * {@link io.tenmail.deploy.cli.Commands}), finds the server and its token through the server's own
 * configuration ({@link io.tenmail.deploy.cli.ServerEndpoint}), calls the admin REST API v1 with
 * {@code java.net.http} ({@link io.tenmail.deploy.cli.AdminClient}) and prints the result.
 *
 * <p>Exit codes: 0 done; 1 the server refused the request (its message is printed as
 * {@code error: ...}); 2 usage error; 3 the server cannot be reached.
 */
package io.tenmail.deploy.cli;
