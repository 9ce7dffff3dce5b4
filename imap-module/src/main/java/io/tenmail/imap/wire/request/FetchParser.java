package io.tenmail.imap.wire.request;

import io.tenmail.imap.wire.ImapSyntaxException;
import io.tenmail.imap.wire.SequenceSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * FETCH arguments (RFC 9051 §6.4.5, RFC 3516 §4.2, RFC 7162 §3.1.4.1 and §3.2.6):
 *
 * <pre>
 * fetch          = "FETCH" SP sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att /
 *                  "(" fetch-att *(SP fetch-att) ")") [fetch-modifiers]
 * fetch-att      = "ENVELOPE" / "FLAGS" / "INTERNALDATE" / "RFC822" [".HEADER" / ".SIZE" / ".TEXT"] /
 *                  "BODY" ["STRUCTURE"] / "UID" / "MODSEQ" / "BODY" [".PEEK"] section [partial] /
 *                  "BINARY" [".PEEK"] section-binary [partial] / "BINARY.SIZE" section-binary
 * section        = "[" [section-spec] "]"        section-binary = "[" [section-part] "]"
 * partial        = "&lt;" number64 "." nz-number64 "&gt;"
 * fetch-modifiers = SP "(" ("CHANGEDSINCE" SP mod-sequence-valzer / "VANISHED") *(SP ...) ")"
 * </pre>
 */
final class FetchParser {

    private FetchParser() {
    }

    static FetchRequest fetch(ArgumentReader r, String tag, boolean uid) throws ImapSyntaxException {
        SequenceSet set = CommandParser.spSet(r, uid ? "UID set" : "sequence set");
        r.sp();
        Set<FetchAttribute> attributes = new LinkedHashSet<>();
        if (r.tryConsume('(')) {
            do {
                attributes.add(attribute(r));
            } while (r.trySp());
            r.expect(')');
        } else if (r.tryWord("ALL")) {
            attributes.addAll(FetchAttribute.ALL);
        } else if (r.tryWord("FAST")) {
            attributes.addAll(FetchAttribute.FAST);
        } else if (r.tryWord("FULL")) {
            attributes.addAll(FetchAttribute.FULL);
        } else {
            attributes.add(attribute(r));
        }
        OptionalLong changedSince = OptionalLong.empty();
        boolean vanished = false;
        if (r.trySp()) {
            r.expect('(');
            do {
                String modifier = r.keyword("FETCH modifier");
                switch (modifier) {
                    case "CHANGEDSINCE" -> {
                        if (changedSince.isPresent()) throw r.error("CHANGEDSINCE given twice");
                        r.sp();
                        changedSince = OptionalLong.of(r.number64("CHANGEDSINCE mod-sequence"));
                    }
                    case "VANISHED" -> vanished = true;
                    default -> throw r.error("Unknown modifier " + modifier);
                }
            } while (r.trySp());
            r.expect(')');
        }
        // RFC 7162 §3.2.6: VANISHED only in UID FETCH, and only with CHANGEDSINCE
        if (vanished && !uid) throw r.error("VANISHED is allowed in UID FETCH only");
        if (vanished && changedSince.isEmpty()) throw r.error("VANISHED needs CHANGEDSINCE");
        return new FetchRequest(tag, uid, set, List.copyOf(attributes), changedSince, vanished);
    }

    private static FetchAttribute attribute(ArgumentReader r) throws ImapSyntaxException {
        if (r.peek() == '(' || r.peek() == ')') throw r.error("Expected a data item at " + r.describeRest());
        String name = r.itemName();
        FetchAttribute simple = switch (name) {
            case "ENVELOPE" -> FetchAttribute.Simple.ENVELOPE;
            case "FLAGS" -> FetchAttribute.Simple.FLAGS;
            case "INTERNALDATE" -> FetchAttribute.Simple.INTERNALDATE;
            case "RFC822" -> FetchAttribute.Simple.RFC822;
            case "RFC822.HEADER" -> FetchAttribute.Simple.RFC822_HEADER;
            case "RFC822.SIZE" -> FetchAttribute.Simple.RFC822_SIZE;
            case "RFC822.TEXT" -> FetchAttribute.Simple.RFC822_TEXT;
            case "BODYSTRUCTURE" -> FetchAttribute.Simple.BODYSTRUCTURE;
            case "UID" -> FetchAttribute.Simple.UID;
            case "MODSEQ" -> FetchAttribute.Simple.MODSEQ;
            default -> null;
        };
        if (simple != null) {
            if (r.peek() == '[' || r.peek() == '<') throw r.error(name + " takes no section");
            return simple;
        }
        switch (name) {
            case "BODY", "BODY.PEEK" -> {
                boolean peek = name.equals("BODY.PEEK");
                if (r.peek() != '[') {
                    if (peek) throw r.error("BODY.PEEK needs a section");
                    if (r.peek() == '<') throw r.error("BODY takes a partial only after a section");
                    return FetchAttribute.Simple.BODY;
                }
                Section section = section(r);
                return new FetchAttribute.Body(section, peek, partial(r));
            }
            case "BINARY", "BINARY.PEEK" -> {
                List<Integer> part = binarySection(r, name);
                return new FetchAttribute.Binary(part, name.equals("BINARY.PEEK"), partial(r));
            }
            case "BINARY.SIZE" -> {
                List<Integer> part = binarySection(r, name);
                if (r.peek() == '<') throw r.error("BINARY.SIZE takes no partial");
                return new FetchAttribute.BinarySize(part);
            }
            default -> throw r.error("Unknown data item " + name);
        }
    }

    /** "[" [section-spec] "]". */
    private static Section section(ArgumentReader r) throws ImapSyntaxException {
        r.expect('[');
        if (r.tryConsume(']')) return Section.WHOLE;
        List<Integer> part = partNumbers(r);
        Section.Text text = null;
        List<String> fields = List.of();
        if (part.isEmpty() || r.tryConsume('.')) {
            String word = sectionWord(r);
            text = switch (word) {
                case "HEADER" -> Section.Text.HEADER;
                case "HEADER.FIELDS" -> Section.Text.HEADER_FIELDS;
                case "HEADER.FIELDS.NOT" -> Section.Text.HEADER_FIELDS_NOT;
                case "TEXT" -> Section.Text.TEXT;
                case "MIME" -> {
                    if (part.isEmpty()) throw r.error("MIME needs a part number");
                    yield Section.Text.MIME;
                }
                default -> throw r.error("Unknown section " + word);
            };
            if (text == Section.Text.HEADER_FIELDS || text == Section.Text.HEADER_FIELDS_NOT) {
                r.sp();
                r.expect('(');
                List<String> names = new ArrayList<>();
                do {
                    String field = r.astring("header field name");
                    if (field.isEmpty()) throw r.error("Empty header field name");
                    names.add(field);
                } while (r.trySp());
                r.expect(')');
                fields = names;
            }
        }
        r.expect(']');
        return new Section(part, text, fields);
    }

    /** section-part = nz-number *("." nz-number); stops before ".TEXT" and the like. */
    private static List<Integer> partNumbers(ArgumentReader r) throws ImapSyntaxException {
        List<Integer> part = new ArrayList<>();
        while (r.peek() >= '0' && r.peek() <= '9') {
            long n = r.nzNumber("part number");
            if (n > Integer.MAX_VALUE) throw r.error("Part number too large");
            part.add((int) n);
            if (r.peek() == '.' && r.peek(1) >= '0' && r.peek(1) <= '9') {
                r.tryConsume('.');
            } else {
                break;
            }
        }
        return part;
    }

    /** Letters and dots: HEADER, HEADER.FIELDS.NOT, TEXT, MIME. */
    private static String sectionWord(ArgumentReader r) throws ImapSyntaxException {
        StringBuilder sb = new StringBuilder();
        while (Character.isLetter(r.peek()) || r.peek() == '.') {
            sb.append(Character.toUpperCase((char) r.peek()));
            r.tryConsume((char) r.peek());
        }
        if (sb.isEmpty()) throw r.error("Invalid section at " + r.describeRest());
        return sb.toString();
    }

    /** section-binary = "[" [section-part] "]". */
    private static List<Integer> binarySection(ArgumentReader r, String name) throws ImapSyntaxException {
        if (r.peek() != '[') throw r.error(name + " needs a section");
        r.expect('[');
        List<Integer> part = partNumbers(r);
        if (r.peek() != ']') throw r.error(name + " takes part numbers only, not " + r.describeRest());
        r.expect(']');
        return part;
    }

    /** partial = "&lt;" number64 "." nz-number64 "&gt;" (RFC 9051 §9). */
    private static Partial partial(ArgumentReader r) throws ImapSyntaxException {
        if (!r.tryConsume('<')) return null;
        long origin = r.number64("partial origin");
        r.expect('.');
        long count = r.number64("partial length");
        if (count == 0) throw r.error("Partial length must be positive");
        r.expect('>');
        return new Partial(origin, count);
    }
}
