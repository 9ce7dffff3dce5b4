package io.tenmail.imap.wire;

import java.util.Locale;
import java.util.Optional;

/**
 * Every response code (the bracketed {@code resp-text-code}) this server sends, with the RFC that
 * defines it and whether it carries data. The list is RFC 9051 §7.1 and the RFC 5530 registry, plus
 * the extensions we implement; a code not listed here is never sent.
 *
 * <pre>
 * * OK [UIDVALIDITY 3857529045] UIDs valid
 * a1 NO [TRYCREATE] No such mailbox
 * </pre>
 */
public enum ResponseCode {
    /** RFC 9051 §7.1: human-readable text the client must show the user. */
    ALERT(Data.NONE),
    /** RFC 5530 §3, RFC 9051 §7.1: the mailbox (or other object) already exists. */
    ALREADYEXISTS(Data.NONE),
    /** RFC 4315 §3 (UIDPLUS), RFC 9051 §7.1: {@code uidvalidity SP uid-set} of an APPEND. */
    APPENDUID(Data.REQUIRED),
    /** RFC 5530 §3: wrong credentials. */
    AUTHENTICATIONFAILED(Data.NONE),
    /** RFC 5530 §3: right credentials, but not allowed to log in (or act as that user). */
    AUTHORIZATIONFAILED(Data.NONE),
    /** RFC 9051 §7.1: the SEARCH charset is not supported; optionally the supported ones. */
    BADCHARSET(Data.OPTIONAL),
    /** RFC 5530 §3: the operation violates an invariant of the server and can never succeed. */
    CANNOT(Data.NONE),
    /** RFC 9051 §7.1: the capability list, saving the client a CAPABILITY command. */
    CAPABILITY(Data.REQUIRED),
    /** RFC 5530 §3: the server detected a client bug (sent with OK: the command still worked). */
    CLIENTBUG(Data.NONE),
    /** RFC 7162 §3.2.11 (QRESYNC), RFC 9051 §7.1: the previously selected mailbox is now closed. */
    CLOSED(Data.NONE),
    /** RFC 4978 §3 (COMPRESS): compression is already active on this connection. */
    COMPRESSIONACTIVE(Data.NONE),
    /** RFC 5530 §3: the user should contact the administrator or support desk. */
    CONTACTADMIN(Data.NONE),
    /** RFC 4315 §3 (UIDPLUS), RFC 9051 §7.1: {@code uidvalidity SP source-uids SP dest-uids}. */
    COPYUID(Data.REQUIRED),
    /** RFC 5530 §3: the server found corrupt data. */
    CORRUPTION(Data.NONE),
    /** RFC 5530 §3: the credentials or account have expired. */
    EXPIRED(Data.NONE),
    /** RFC 5530 §3: some requested messages were expunged meanwhile. */
    EXPUNGEISSUED(Data.NONE),
    /** RFC 9051 §7.1: the mailbox cannot be deleted or renamed because it has children. */
    HASCHILDREN(Data.NONE),
    /** RFC 7162 §3.1.2.1 (CONDSTORE): the highest mod-sequence of the selected mailbox. */
    HIGHESTMODSEQ(Data.REQUIRED),
    /** RFC 5530 §3: the object is locked or in use by another session. */
    INUSE(Data.NONE),
    /** RFC 5530 §3: a server limit (other than quota) was reached. */
    LIMIT(Data.NONE),
    /** RFC 7162 §3.1.3 (CONDSTORE): messages whose UNCHANGEDSINCE test failed, a sequence set. */
    MODIFIED(Data.REQUIRED),
    /** RFC 7162 §3.1.2.2 (CONDSTORE): the mailbox does not support mod-sequences. */
    NOMODSEQ(Data.NONE),
    /** RFC 5530 §3: the named object (mailbox, message part) does not exist. */
    NONEXISTENT(Data.NONE),
    /** RFC 5530 §3: the user lacks the access rights. */
    NOPERM(Data.NONE),
    /** RFC 5182 §2.1 (SEARCHRES): the SEARCH result could not be saved. */
    NOTSAVED(Data.NONE),
    /** RFC 5530 §3, RFC 9208 §4.3: the operation would exceed a quota. */
    OVERQUOTA(Data.NONE),
    /** RFC 9051 §7.1: a message's MIME or RFC 5322 syntax could not be parsed. */
    PARSE(Data.NONE),
    /** RFC 9051 §7.1: the flags the client may change permanently, a flag list. */
    PERMANENTFLAGS(Data.REQUIRED),
    /** RFC 5530 §3: the operation needs privacy (TLS) first. */
    PRIVACYREQUIRED(Data.NONE),
    /** RFC 9051 §7.1: the mailbox is selected read-only. */
    READ_ONLY(Data.NONE),
    /** RFC 9051 §7.1: the mailbox is selected read-write. */
    READ_WRITE(Data.NONE),
    /** RFC 5530 §3: a server bug; the text carries a reference for the log. */
    SERVERBUG(Data.NONE),
    /** RFC 4469 §5 (CATENATE), RFC 7888 §4, RFC 7889: a message or literal is too large. */
    TOOBIG(Data.NONE),
    /** RFC 9051 §7.1: the target mailbox of APPEND/COPY/MOVE does not exist but could be created. */
    TRYCREATE(Data.NONE),
    /** RFC 9051 §7.1: the predicted next UID. */
    UIDNEXT(Data.REQUIRED),
    /** RFC 4315 §3 (UIDPLUS), RFC 9051 §7.1: the mailbox does not keep UIDs across sessions. */
    UIDNOTSTICKY(Data.NONE),
    /** RFC 9051 §7.1: the UID validity value. */
    UIDVALIDITY(Data.REQUIRED),
    /** RFC 5530 §3: a subsystem is temporarily unavailable. */
    UNAVAILABLE(Data.NONE),
    /** RFC 3516 §4.3 (BINARY), RFC 9051 §7.1: the part's Content-Transfer-Encoding is unknown. */
    UNKNOWN_CTE(Data.NONE),
    /** RFC 3501 §7.1 (IMAP4rev1 only): sequence number of the first unseen message. */
    UNSEEN(Data.REQUIRED),
    /** RFC 6154 §3 (CREATE-SPECIAL-USE): a special-use attribute is not supported. */
    USEATTR(Data.NONE);

    /** Whether a code carries data after its name. */
    public enum Data { NONE, OPTIONAL, REQUIRED }

    private final Data data;
    private final String wire;

    ResponseCode(Data data) {
        this.data = data;
        this.wire = name().replace('_', '-');
    }

    /** The atom as sent, e.g. {@code READ-ONLY}. */
    public String wire() {
        return wire;
    }

    public Data data() {
        return data;
    }

    /** Case-insensitive look-up of a wire name; empty for codes this server never sends. */
    public static Optional<ResponseCode> lookup(String wireName) {
        String upper = wireName.toUpperCase(Locale.ROOT);
        for (ResponseCode code : values()) {
            if (code.wire.equals(upper)) return Optional.of(code);
        }
        return Optional.empty();
    }
}
