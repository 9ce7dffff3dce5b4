package io.tenmail.smtp.mailet;

import java.nio.file.Path;

/**
 * The mailet container's configuration cannot be used. The message is one line naming the file,
 * the line and what is wrong there (the class, the parameter), so start-up can print it as is.
 */
public final class ContainerConfigException extends Exception {

    public ContainerConfigException(Path file, int line, String problem) {
        super(file + (line > 0 ? " line " + line : "") + ": " + problem);
    }

    public ContainerConfigException(Path file, int line, String problem, Throwable cause) {
        super(file + (line > 0 ? " line " + line : "") + ": " + problem, cause);
    }
}
