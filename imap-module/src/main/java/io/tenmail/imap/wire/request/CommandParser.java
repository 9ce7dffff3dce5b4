package io.tenmail.imap.wire.request;

import io.tenmail.imap.wire.Grammar;
import io.tenmail.imap.wire.ImapDates;
import io.tenmail.imap.wire.ImapSyntaxException;
import io.tenmail.imap.wire.Literal;
import io.tenmail.imap.wire.RawCommand;
import io.tenmail.imap.wire.ResponseCode;
import io.tenmail.imap.wire.SequenceSet;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.MailboxName;
import io.tenmail.storage.model.SpecialUse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns a {@link RawCommand} into a typed {@link ImapRequest}, or an {@link ImapSyntaxException}
 * carrying the precise response: a tagged BAD naming the command and the problem ({@code a1 BAD
 * FETCH: Unknown data item BODY.FOO}), an untagged BAD when not even the tag is valid, or a NO
 * where the RFCs ask for one ({@code NO [BADCHARSET]}, {@code NO [USEATTR]}, {@code NO [CANNOT]}
 * for a mailbox name the store could never hold).
 *
 * <p>Grammar: IMAP4rev1 (RFC 3501) and IMAP4rev2 (RFC 9051) commands with LITERAL+/LITERAL-
 * (RFC 7888), UTF8=ACCEPT (RFC 6855), CONDSTORE/QRESYNC (RFC 7162), ESEARCH (RFC 4731), SEARCHRES
 * (RFC 5182), LIST-EXTENDED/LIST-STATUS (RFC 5258/5819), SPECIAL-USE/CREATE-SPECIAL-USE (RFC 6154),
 * BINARY (RFC 3516), SORT/THREAD (RFC 5256), ESORT (RFC 5267), WITHIN (RFC 5032), MOVE (RFC 6851),
 * UIDPLUS (RFC 4315), ID (RFC 2971), ENABLE (RFC 5161), QUOTA (RFC 9208), COMPRESS (RFC 4978),
 * MULTIAPPEND (RFC 3502), SASL-IR (RFC 4959). Command names and grammar keywords are
 * case-insensitive; exactly one SP separates arguments.
 *
 * <p>Mailbox names are decoded from modified UTF-7, or taken as UTF-8 once {@link #setUtf8(boolean)}
 * is on (after {@code ENABLE UTF8=ACCEPT} or {@code ENABLE IMAP4rev2}). Whether a command is allowed
 * in the current state, or whether an extension was enabled, is the command layer's business.
 *
 * <p>Not thread-safe: one parser per connection.
 */
public final class CommandParser {

    private boolean utf8;

    /** Mailbox names as UTF-8 instead of modified UTF-7 (RFC 6855 §3, RFC 9051 §5.1). */
    public void setUtf8(boolean utf8) {
        this.utf8 = utf8;
    }

    public boolean utf8() {
        return utf8;
    }

    /**
     * True if a bare line read during IDLE is the {@code DONE} that ends it (RFC 2177 §3,
     * RFC 9051 §6.3.13; ABNF strings are case-insensitive). Anything else is a client error.
     */
    public static boolean isIdleDone(String line) {
        return line.equalsIgnoreCase("DONE");
    }

    /**
     * Parses one command.
     *
     * @throws ImapSyntaxException with the response to send
     */
    public ImapRequest parse(RawCommand raw) throws ImapSyntaxException {
        ArgumentReader r = new ArgumentReader(raw, utf8);
        if (raw.length() == 0) throw ImapSyntaxException.bad(null, "Empty command line");
        String tag = raw.tag();
        if (tag == null) {
            // RFC 9051 §7.1.3: a BAD for a command whose tag cannot be read is untagged
            String line = raw.toString();
            if (Grammar.isTag(line)) throw ImapSyntaxException.bad(line, "Missing command");
            throw ImapSyntaxException.bad(null, "Invalid tag");
        }
        r.tag(tag);
        r.skip(tag.length());
        r.sp();
        String name = r.keyword("command name");
        boolean uid = name.equals("UID");
        if (uid) {
            r.command("UID");
            r.sp();
            name = r.keyword("command name after UID");
            r.command("UID " + name);
        } else {
            r.command(name);
        }
        ImapRequest request = uid ? uidCommand(r, tag, name) : command(r, tag, name);
        r.end();
        return request;
    }

    private ImapRequest command(ArgumentReader r, String tag, String name) throws ImapSyntaxException {
        return switch (name) {
            case "CAPABILITY" -> simple(tag, SimpleRequest.Command.CAPABILITY);
            case "NOOP" -> simple(tag, SimpleRequest.Command.NOOP);
            case "LOGOUT" -> simple(tag, SimpleRequest.Command.LOGOUT);
            case "STARTTLS" -> simple(tag, SimpleRequest.Command.STARTTLS);
            case "NAMESPACE" -> simple(tag, SimpleRequest.Command.NAMESPACE);
            case "IDLE" -> simple(tag, SimpleRequest.Command.IDLE);
            case "CHECK" -> simple(tag, SimpleRequest.Command.CHECK);
            case "CLOSE" -> simple(tag, SimpleRequest.Command.CLOSE);
            case "UNSELECT" -> simple(tag, SimpleRequest.Command.UNSELECT);
            case "EXPUNGE" -> simple(tag, SimpleRequest.Command.EXPUNGE);
            case "ID" -> id(r, tag);
            case "ENABLE" -> enable(r, tag);
            case "LOGIN" -> login(r, tag);
            case "AUTHENTICATE" -> authenticate(r, tag);
            case "SELECT" -> select(r, tag, false);
            case "EXAMINE" -> select(r, tag, true);
            case "CREATE" -> create(r, tag);
            case "DELETE" -> new DeleteRequest(tag, spMailbox(r, "mailbox name"));
            case "RENAME" -> new RenameRequest(tag, spMailbox(r, "existing mailbox name"), spMailbox(r, "new mailbox name", true));
            case "SUBSCRIBE" -> new SubscribeRequest(tag, spMailbox(r, "mailbox name"));
            case "UNSUBSCRIBE" -> new UnsubscribeRequest(tag, spMailbox(r, "mailbox name"));
            case "LIST" -> ListParser.list(r, tag);
            case "LSUB" -> ListParser.lsub(r, tag);
            case "STATUS" -> status(r, tag);
            case "APPEND" -> append(r, tag);
            case "SEARCH" -> SearchParser.search(r, tag, false);
            case "SORT" -> SearchParser.sort(r, tag, false);
            case "THREAD" -> SearchParser.thread(r, tag, false);
            case "FETCH" -> FetchParser.fetch(r, tag, false);
            case "STORE" -> store(r, tag, false);
            case "COPY" -> new CopyRequest(tag, false, spSet(r, "sequence set"), spMailbox(r, "target mailbox"));
            case "MOVE" -> new MoveRequest(tag, false, spSet(r, "sequence set"), spMailbox(r, "target mailbox"));
            case "GETQUOTA" -> getQuota(r, tag);
            case "GETQUOTAROOT" -> new GetQuotaRootRequest(tag, spMailbox(r, "mailbox name"));
            case "SETQUOTA" -> setQuota(r, tag);
            case "COMPRESS" -> compress(r, tag);
            default -> throw ImapSyntaxException.bad(tag, "Unknown command " + name);
        };
    }

    private ImapRequest uidCommand(ArgumentReader r, String tag, String name) throws ImapSyntaxException {
        return switch (name) {
            case "FETCH" -> FetchParser.fetch(r, tag, true);
            case "SEARCH" -> SearchParser.search(r, tag, true);
            case "SORT" -> SearchParser.sort(r, tag, true);
            case "THREAD" -> SearchParser.thread(r, tag, true);
            case "STORE" -> store(r, tag, true);
            case "COPY" -> new CopyRequest(tag, true, spSet(r, "UID set"), spMailbox(r, "target mailbox"));
            case "MOVE" -> new MoveRequest(tag, true, spSet(r, "UID set"), spMailbox(r, "target mailbox"));
            case "EXPUNGE" -> new UidExpungeRequest(tag, spSet(r, "UID set"));
            default -> throw ImapSyntaxException.bad(tag, "Unknown command UID " + name);
        };
    }

    private static SimpleRequest simple(String tag, SimpleRequest.Command command) {
        return new SimpleRequest(tag, command);
    }

    // ------------------------------------------------------------------ any state

    /** RFC 2971 §4: id-params-list = "(" *(string SP nstring) ")" / nil. */
    private static IdRequest id(ArgumentReader r, String tag) throws ImapSyntaxException {
        r.sp();
        Map<String, String> fields = new LinkedHashMap<>();
        if (r.tryWord("NIL")) return new IdRequest(tag, fields);
        r.expect('(');
        if (!r.tryConsume(')')) {
            do {
                String field = r.string("field name");
                r.sp();
                String value = r.nstring("field value");
                if (fields.size() == IdRequest.MAX_FIELDS) throw r.error("More than 30 fields (RFC 2971)");
                if (field.length() > IdRequest.MAX_FIELD_OCTETS) throw r.error("Field name longer than 30 octets (RFC 2971)");
                if (value != null && value.length() > IdRequest.MAX_VALUE_OCTETS) {
                    throw r.error("Value longer than 1024 octets (RFC 2971)");
                }
                fields.put(field, value);
            } while (r.trySp());
            r.expect(')');
        }
        return new IdRequest(tag, fields);
    }

    /** RFC 5161 §4: "ENABLE" 1*(SP capability). */
    private static EnableRequest enable(ArgumentReader r, String tag) throws ImapSyntaxException {
        List<String> capabilities = new ArrayList<>();
        r.sp();
        do {
            capabilities.add(r.keyword("capability name"));
        } while (r.trySp());
        return new EnableRequest(tag, capabilities);
    }

    // ------------------------------------------------------------------ not authenticated

    private static LoginRequest login(ArgumentReader r, String tag) throws ImapSyntaxException {
        r.sp();
        String user = r.astring("user name");
        r.sp();
        String password = r.astring("password");
        return new LoginRequest(tag, user, password);
    }

    /** RFC 9051 §6.2.2, RFC 4959: AUTHENTICATE auth-type [SP (base64 / "=")]. */
    private static AuthenticateRequest authenticate(ArgumentReader r, String tag) throws ImapSyntaxException {
        r.sp();
        String mechanism = r.keyword("SASL mechanism");
        byte[] initial = null;
        if (r.trySp()) {
            String response = r.atom("initial response");
            if (response.equals("=")) {
                initial = new byte[0];
            } else {
                try {
                    initial = SaslResponse.decode(response);
                } catch (IllegalArgumentException e) {
                    throw r.error("Initial response is not valid BASE64");
                }
            }
        }
        return new AuthenticateRequest(tag, mechanism, initial);
    }

    // ------------------------------------------------------------------ authenticated

    /** RFC 9051 §6.3.2, RFC 7162 §3.1.8 and §3.2.5. */
    private SelectRequest select(ArgumentReader r, String tag, boolean readOnly) throws ImapSyntaxException {
        MailboxName mailbox = spMailbox(r, "mailbox name");
        boolean condstore = false;
        Optional<SelectRequest.Qresync> qresync = Optional.empty();
        if (r.trySp()) {
            r.expect('(');
            do {
                String param = r.keyword("SELECT parameter");
                switch (param) {
                    case "CONDSTORE" -> {
                        if (condstore) throw r.error("CONDSTORE given twice");
                        condstore = true;
                    }
                    case "QRESYNC" -> {
                        if (qresync.isPresent()) throw r.error("QRESYNC given twice");
                        qresync = Optional.of(qresync(r));
                    }
                    default -> throw r.error("Unknown parameter " + param);
                }
            } while (r.trySp());
            r.expect(')');
        }
        return new SelectRequest(tag, mailbox, readOnly, condstore, qresync);
    }

    /** "QRESYNC" SP "(" uidvalidity SP mod-sequence-value [SP known-uids] [SP seq-match-data] ")". */
    private static SelectRequest.Qresync qresync(ArgumentReader r) throws ImapSyntaxException {
        r.sp();
        r.expect('(');
        long uidValidity = r.nzNumber("QRESYNC UIDVALIDITY");
        r.sp();
        long modSeq = r.modSequenceValue("QRESYNC mod-sequence");
        Optional<SequenceSet> knownUids = Optional.empty();
        Optional<SequenceSet> knownNumbers = Optional.empty();
        Optional<SequenceSet> knownNumberUids = Optional.empty();
        if (r.trySp()) {
            if (r.peek() != '(') {
                knownUids = Optional.of(knownSet(r, "QRESYNC known UIDs"));
                if (r.trySp() && r.peek() != '(') throw r.error("Expected sequence match data at " + r.describeRest());
            }
            if (r.tryConsume('(')) {
                knownNumbers = Optional.of(knownSet(r, "QRESYNC known sequence set"));
                r.sp();
                knownNumberUids = Optional.of(knownSet(r, "QRESYNC known UID set"));
                r.expect(')');
            }
        }
        r.expect(')');
        return new SelectRequest.Qresync(uidValidity, modSeq, knownUids, knownNumbers, knownNumberUids);
    }

    /** RFC 7162 §7: known-uids and the seq-match sets never contain "*" (nor "$"). */
    private static SequenceSet knownSet(ArgumentReader r, String what) throws ImapSyntaxException {
        SequenceSet set = r.sequenceSet(what);
        if (set.isSaved() || set.hasStar()) throw r.error(what + " may not contain '*' or '$'");
        return set;
    }

    /** RFC 9051 §6.3.4, RFC 4466 create-params, RFC 6154 §3 USE. */
    private CreateRequest create(ArgumentReader r, String tag) throws ImapSyntaxException {
        r.sp();
        MailboxName mailbox = r.mailbox("mailbox name", true);
        Set<SpecialUse> uses = EnumSet.noneOf(SpecialUse.class);
        if (r.trySp()) {
            r.expect('(');
            boolean useSeen = false;
            do {
                String param = r.keyword("CREATE parameter");
                if (!param.equals("USE")) throw r.error("Unknown parameter " + param);
                if (useSeen) throw r.error("USE given twice");
                useSeen = true;
                r.sp();
                r.expect('(');
                if (!r.tryConsume(')')) {
                    do {
                        uses.add(useAttribute(r));
                    } while (r.trySp());
                    r.expect(')');
                }
            } while (r.trySp());
            r.expect(')');
        }
        return new CreateRequest(tag, mailbox, uses);
    }

    private static SpecialUse useAttribute(ArgumentReader r) throws ImapSyntaxException {
        if (!r.tryConsume('\\')) throw r.error("Expected a special-use attribute at " + r.describeRest());
        String name = "\\" + r.atom("special-use attribute");
        for (SpecialUse use : SpecialUse.values()) {
            if (use.attribute().equalsIgnoreCase(name)) return use;
        }
        // RFC 6154 §3: an unsupported use-attr fails the CREATE with NO [USEATTR]
        throw r.no(ResponseCode.USEATTR, "Unsupported special-use attribute " + name);
    }

    private StatusRequest status(ArgumentReader r, String tag) throws ImapSyntaxException {
        MailboxName mailbox = spMailbox(r, "mailbox name");
        r.sp();
        return new StatusRequest(tag, mailbox, ListParser.statusItems(r));
    }

    /**
     * RFC 9051 §6.3.12, RFC 3502 (MULTIAPPEND), RFC 3516 §4.2 (literal8), RFC 6855 §4 (UTF8):
     * "APPEND" SP mailbox 1*(SP [flag-list SP] [date-time SP] (literal / literal8 / "UTF8" SP "(" literal8 ")")).
     */
    private AppendRequest append(ArgumentReader r, String tag) throws ImapSyntaxException {
        MailboxName mailbox = spMailbox(r, "mailbox name");
        List<AppendRequest.Message> messages = new ArrayList<>();
        do {
            r.sp();
            Flags flags = Flags.NONE;
            Optional<OffsetDateTime> date = Optional.empty();
            if (r.peek() == '(') {
                flags = FlagParser.list(r);
                r.sp();
            }
            if (r.peek() == '"') {
                String text = r.string("date-time");
                try {
                    date = Optional.of(ImapDates.parseDateTime(text));
                } catch (IllegalArgumentException e) {
                    throw r.error(e.getMessage());
                }
                r.sp();
            }
            boolean utf8Data = false;
            Literal content;
            if (r.tryWord("UTF8")) {
                utf8Data = true;
                r.sp();
                r.expect('(');
                if (!(r.peek() == '~')) throw r.error("UTF8 data must be a literal8 (~{n})");
                content = r.literal(true, "message");
                r.expect(')');
            } else if (r.isLiteralStart()) {
                content = r.literal(true, "message");
            } else {
                throw r.error("Expected the message as a literal at " + r.describeRest());
            }
            // RFC 9051 §4.3: a literal (unlike a literal8) carries no NUL octet
            if (!content.binary() && content.containsNul()) {
                throw r.error("NUL octet in message literal; send binary data as a literal8 (~{n})");
            }
            messages.add(new AppendRequest.Message(flags, date, content, utf8Data));
        } while (!r.atEnd());
        return new AppendRequest(tag, mailbox, messages);
    }

    // ------------------------------------------------------------------ selected

    /**
     * RFC 9051 §6.4.6, RFC 7162 §3.1.3:
     * "STORE" SP sequence-set [SP "(" "UNCHANGEDSINCE" SP mod-sequence-valzer ")"] SP
     * (["+" / "-"] "FLAGS" [".SILENT"]) SP (flag-list / (flag *(SP flag))).
     */
    private static StoreRequest store(ArgumentReader r, String tag, boolean uid) throws ImapSyntaxException {
        SequenceSet set = spSet(r, uid ? "UID set" : "sequence set");
        r.sp();
        OptionalLong unchangedSince = OptionalLong.empty();
        if (r.tryConsume('(')) {
            do {
                String modifier = r.keyword("STORE modifier");
                if (!modifier.equals("UNCHANGEDSINCE")) throw r.error("Unknown modifier " + modifier);
                if (unchangedSince.isPresent()) throw r.error("UNCHANGEDSINCE given twice");
                r.sp();
                unchangedSince = OptionalLong.of(r.number64("UNCHANGEDSINCE mod-sequence"));
            } while (r.trySp());
            r.expect(')');
            r.sp();
        }
        String item = r.keyword("store item");
        StoreRequest.Mode mode = switch (item.charAt(0)) {
            case '+' -> StoreRequest.Mode.ADD;
            case '-' -> StoreRequest.Mode.REMOVE;
            default -> StoreRequest.Mode.REPLACE;
        };
        String rest = mode == StoreRequest.Mode.REPLACE ? item : item.substring(1);
        boolean silent = rest.equals("FLAGS.SILENT");
        if (!silent && !rest.equals("FLAGS")) throw r.error("Unknown store item " + item);
        r.sp();
        Flags flags = r.peek() == '(' ? FlagParser.list(r) : FlagParser.inline(r);
        return new StoreRequest(tag, uid, set, unchangedSince, mode, silent, flags);
    }

    // ------------------------------------------------------------------ QUOTA, COMPRESS

    private static GetQuotaRequest getQuota(ArgumentReader r, String tag) throws ImapSyntaxException {
        r.sp();
        return new GetQuotaRequest(tag, r.astring("quota root"));
    }

    /** RFC 9208 §4.1: "SETQUOTA" SP quota-root SP "(" [resource SP number64 *(SP ...)] ")". */
    private static SetQuotaRequest setQuota(ArgumentReader r, String tag) throws ImapSyntaxException {
        r.sp();
        String root = r.astring("quota root");
        r.sp();
        r.expect('(');
        Map<String, Long> limits = new LinkedHashMap<>();
        if (!r.tryConsume(')')) {
            do {
                String resource = r.keyword("resource name");
                r.sp();
                long limit = r.number64("resource limit");
                if (limits.put(resource, limit) != null) throw r.error("Resource " + resource + " given twice");
            } while (r.trySp());
            r.expect(')');
        }
        return new SetQuotaRequest(tag, root, limits);
    }

    private static CompressRequest compress(ArgumentReader r, String tag) throws ImapSyntaxException {
        r.sp();
        return new CompressRequest(tag, r.keyword("compression algorithm"));
    }

    // ------------------------------------------------------------------ shared pieces

    static SequenceSet spSet(ArgumentReader r, String what) throws ImapSyntaxException {
        r.sp();
        return r.sequenceSet(what);
    }

    private MailboxName spMailbox(ArgumentReader r, String what) throws ImapSyntaxException {
        return spMailbox(r, what, false);
    }

    private MailboxName spMailbox(ArgumentReader r, String what, boolean creating) throws ImapSyntaxException {
        r.sp();
        return r.mailbox(what, creating);
    }
}
