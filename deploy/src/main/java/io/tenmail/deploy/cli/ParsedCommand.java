package io.tenmail.deploy.cli;

/** What a command line asks for: help on a topic, or running a command. */
sealed interface ParsedCommand permits ParsedCommand.HelpRequest, Invocation {

    /** {@code --help}: topic "" (overview), a group ("user") or a command ("user add"). */
    record HelpRequest(String topic) implements ParsedCommand {
    }
}
