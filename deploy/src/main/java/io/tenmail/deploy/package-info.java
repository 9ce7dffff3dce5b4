/**
 * The runnable server: the composition root (Main), the CLI and the distribution.
 */
package io.tenmail.deploy;
