package io.tenmail.imap.command;

import io.tenmail.imap.command.fetch.FetchCommand;
import io.tenmail.imap.command.search.SearchCommand;
import io.tenmail.imap.command.search.SortCommand;
import io.tenmail.imap.command.search.ThreadCommand;

import java.util.List;

/** Every command handler of the module, built once per server. */
final class Commands {

    private Commands() {
    }

    static List<CommandHandler<?>> all(ImapBackend backend, Completion completion, Capabilities capabilities) {
        Authenticator authenticator = new Authenticator(backend, capabilities);
        MailboxTargets targets = new MailboxTargets(backend.store(), backend.events());
        return List.of(
                new CapabilityCommand(capabilities), new NoopCommand(ImapCommand.NOOP), new NoopCommand(ImapCommand.CHECK),
                new LogoutCommand(), new IdCommand(), new StartTlsCommand(), new LoginCommand(authenticator),
                new AuthenticateCommand(authenticator, completion), new EnableCommand(), new NamespaceCommand(),
                new SelectCommand(backend), new CreateCommand(backend), new DeleteCommand(backend), new RenameCommand(backend),
                new SubscribeCommand(backend), new UnsubscribeCommand(backend), new ListCommand(backend), new LsubCommand(backend),
                new StatusCommand(backend), new AppendCommand(backend, targets), new IdleCommand(completion),
                new QuotaCommand.Get(backend), new QuotaCommand.GetRoot(backend), new QuotaCommand.Set(),
                new CloseCommand(backend, true), new CloseCommand(backend, false),
                new ExpungeCommand.Plain(backend, completion), new ExpungeCommand.ByUid(backend, completion),
                new SearchCommand(backend), new FetchCommand(backend), new StoreCommand(backend),
                new CopyCommand.Copy(backend, targets), new CopyCommand.Move(backend, targets),
                new SortCommand(backend), new ThreadCommand(backend), new CompressCommand(completion));
    }
}
