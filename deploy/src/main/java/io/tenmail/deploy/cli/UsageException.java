package io.tenmail.deploy.cli;

/**
 * The command line is wrong (exit code 2). {@link #helpTopic()} names the help that would have
 * helped: "" for the overview, "domain" for a group, "domain add" for one command.
 */
public class UsageException extends Exception {
    private final String helpTopic;

    public UsageException(String message, String helpTopic) {
        super(message);
        this.helpTopic = helpTopic;
    }

    public String helpTopic() {
        return helpTopic;
    }
}
