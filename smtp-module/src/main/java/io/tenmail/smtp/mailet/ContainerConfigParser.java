package io.tenmail.smtp.mailet;

import io.tenmail.smtp.mailet.ContainerDefinition.MailetDefinition;
import io.tenmail.smtp.mailet.ContainerDefinition.ProcessorDefinition;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code mailetcontainer.xml}, James style:
 *
 * <pre>{@code
 * <mailetcontainer>
 *   <processors>                                   (optional wrapper)
 *     <processor state="root">
 *       <mailet match="SenderIs=a@example.com" class="ToProcessor">
 *         <processor>local-delivery</processor>     (init parameters: child elements)
 *         <onMailetException>error</onMailetException>
 *       </mailet>
 *     </processor>
 *   </processors>
 * </mailetcontainer>
 * }</pre>
 *
 * SAX, so every error names its line. No DTDs or external entities are read (XXE).
 */
public final class ContainerConfigParser {
    static final String ON_MAILET_EXCEPTION = "onMailetException";
    static final String ON_MATCH_EXCEPTION = "onMatchException";

    private ContainerConfigParser() {
    }

    public static ContainerDefinition parse(Path file) throws ContainerConfigException {
        if (!Files.isRegularFile(file)) throw new ContainerConfigException(file, 0, "the mailet container configuration is missing");
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file, in);
        } catch (IOException e) {
            throw new ContainerConfigException(file, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses {@code in}; {@code file} names it in error messages. */
    public static ContainerDefinition parse(Path file, InputStream in) throws ContainerConfigException {
        Handler handler = new Handler(file);
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            SAXParser parser = factory.newSAXParser();
            parser.parse(in, handler);
        } catch (SAXParseException e) {
            if (e.getException() instanceof ContainerConfigException c) throw c;
            throw new ContainerConfigException(file, e.getLineNumber(), "not well-formed XML: " + e.getMessage(), e);
        } catch (SAXException e) {
            if (e.getException() instanceof ContainerConfigException c) throw c;
            throw new ContainerConfigException(file, handler.line(), e.getMessage(), e);
        } catch (ParserConfigurationException | IOException e) {
            throw new ContainerConfigException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        return new ContainerDefinition(file, handler.processors);
    }

    private static final class Handler extends DefaultHandler {
        private final Path file;
        private final List<ProcessorDefinition> processors = new ArrayList<>();
        private final Set<String> states = new HashSet<>();
        private final List<String> path = new ArrayList<>();
        private Locator locator;
        private boolean rootSeen;

        private String state;
        private int processorLine;
        private List<MailetDefinition> mailets;

        private int mailetLine;
        private Attributes mailetAttributes;
        private Map<String, String> parameters;
        private String parameter;
        private StringBuilder text;

        Handler(Path file) {
            this.file = file;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        int line() {
            return locator == null ? 0 : locator.getLineNumber();
        }

        private SAXException error(String problem) {
            return new SAXException(new ContainerConfigException(file, line(), problem));
        }

        @Override
        public void startElement(String uri, String localName, String name, Attributes attributes) throws SAXException {
            String parent = path.isEmpty() ? null : path.get(path.size() - 1);
            path.add(name);
            if (parent == null) {
                if (!name.equals("mailetcontainer")) throw error("the root element must be <mailetcontainer>, not <" + name + ">");
                rootSeen = true;
                return;
            }
            if (parameters != null) {
                if (parameter != null) throw error("init parameter <" + parameter + "> cannot contain elements");
                parameter = name;
                text = new StringBuilder();
                return;
            }
            switch (name) {
                case "processors" -> {
                    if (!parent.equals("mailetcontainer")) throw error("<processors> belongs in <mailetcontainer>");
                }
                case "processor" -> startProcessor(parent, attributes);
                case "mailet" -> {
                    if (mailets == null) throw error("<mailet> belongs in a <processor>");
                    mailetLine = line();
                    mailetAttributes = new org.xml.sax.helpers.AttributesImpl(attributes);
                    parameters = new LinkedHashMap<>();
                }
                default -> throw error("unexpected element <" + name + "> in <" + parent + ">");
            }
        }

        private void startProcessor(String parent, Attributes attributes) throws SAXException {
            if (!parent.equals("mailetcontainer") && !parent.equals("processors")) throw error("<processor> belongs in <processors>");
            String s = attributes.getValue("state");
            if (s == null || s.isBlank()) throw error("<processor> needs a state attribute");
            if (!states.add(s.trim())) throw error("processor \"" + s.trim() + "\" is defined twice");
            state = s.trim();
            processorLine = line();
            mailets = new ArrayList<>();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (text != null) text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String name) throws SAXException {
            path.remove(path.size() - 1);
            if (parameter != null && name.equals(parameter)) {
                if (parameters.containsKey(parameter)) throw error("init parameter <" + parameter + "> is given twice");
                parameters.put(parameter, text.toString().trim());
                parameter = null;
                text = null;
                return;
            }
            switch (name) {
                case "mailet" -> {
                    mailets.add(mailet());
                    parameters = null;
                    mailetAttributes = null;
                }
                case "processor" -> {
                    processors.add(new ProcessorDefinition(state, processorLine, mailets));
                    mailets = null;
                    state = null;
                }
                default -> {
                    // <processors> and <mailetcontainer> carry nothing of their own
                }
            }
        }

        private MailetDefinition mailet() throws SAXException {
            String className = mailetAttributes.getValue("class");
            if (className == null || className.isBlank()) throw lineError("<mailet> needs a class attribute");
            String match = mailetAttributes.getValue("match");
            String notMatch = mailetAttributes.getValue("notmatch");
            if (match != null && notMatch != null) throw lineError("<mailet> has both match and notmatch");
            String spec = match != null ? match.trim() : notMatch != null ? notMatch.trim() : "All";
            if (spec.isEmpty()) throw lineError("<mailet> has an empty match");
            int eq = spec.indexOf('=');
            String matcher = eq < 0 ? spec : spec.substring(0, eq).trim();
            Optional<String> condition = eq < 0 ? Optional.empty() : Optional.of(spec.substring(eq + 1));
            Map<String, String> init = new LinkedHashMap<>(parameters);
            String onMailet = orDefault(init.remove(ON_MAILET_EXCEPTION), "error");
            String onMatch = orDefault(init.remove(ON_MATCH_EXCEPTION), "error");
            return new MailetDefinition(mailetLine, matcher, condition, notMatch != null, className.trim(), init, onMatch, onMailet);
        }

        private SAXException lineError(String problem) {
            return new SAXException(new ContainerConfigException(file, mailetLine, problem));
        }

        private static String orDefault(String value, String fallback) {
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        @Override
        public void endDocument() throws SAXException {
            if (!rootSeen) throw error("no <mailetcontainer> element");
        }
    }
}
