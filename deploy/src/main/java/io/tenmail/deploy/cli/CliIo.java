package io.tenmail.deploy.cli;

import java.io.BufferedReader;
import java.io.PrintStream;

/** Where a command reads secrets from and prints its results. */
record CliIo(BufferedReader in, PrintStream out) {
}
