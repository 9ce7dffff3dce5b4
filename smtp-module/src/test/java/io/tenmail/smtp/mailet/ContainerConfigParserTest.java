package io.tenmail.smtp.mailet;

import io.tenmail.smtp.mailet.ContainerDefinition.MailetDefinition;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContainerConfigParserTest {
    private static final Path FILE = Path.of("conf/mailetcontainer.xml");

    static ContainerDefinition parse(String xml) throws ContainerConfigException {
        return ContainerConfigParser.parse(FILE, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void processorsKeepTheirOrderAndTheirPairsWithParametersAndConditions() throws Exception {
        ContainerDefinition d = parse("""
                <mailetcontainer>
                  <processors>
                    <processor state="root">
                      <mailet match="SenderIs=a@example.test,b@example.test" class="ToProcessor">
                        <processor>spam</processor>
                      </mailet>
                      <mailet notmatch="RecipientIsLocal" class="io.example.Relay">
                        <host> smtp.example.test </host>
                        <onMailetException>ignore</onMailetException>
                      </mailet>
                      <mailet class="LocalDelivery"/>
                    </processor>
                    <processor state="error"/>
                  </processors>
                </mailetcontainer>
                """);
        assertThat(d.processors()).extracting(ContainerDefinition.ProcessorDefinition::state).containsExactly("root", "error");
        MailetDefinition first = d.processors().get(0).mailets().get(0);
        assertThat(first.matcher()).isEqualTo("SenderIs");
        assertThat(first.condition()).contains("a@example.test,b@example.test");
        assertThat(first.parameters()).isEqualTo(Map.of("processor", "spam"));
        assertThat(first.line()).isEqualTo(4);
        MailetDefinition second = d.processors().get(0).mailets().get(1);
        assertThat(second.inverted()).isTrue();
        assertThat(second.parameters()).containsExactly(Map.entry("host", "smtp.example.test"));
        assertThat(second.onMailetException()).isEqualTo("ignore");
        assertThat(second.onMatchException()).isEqualTo("error");
        MailetDefinition third = d.processors().get(0).mailets().get(2);
        assertThat(third.matcher()).isEqualTo("All");
        assertThat(third.condition()).isEqualTo(Optional.empty());
    }

    @Test
    void processorsMayStandDirectlyInTheRootElement() throws Exception {
        assertThat(parse("<mailetcontainer><processor state=\"root\"/></mailetcontainer>").processors()).hasSize(1);
    }

    @Test
    void aMailetWithoutAClassIsRefusedWithItsLine() {
        assertThatThrownBy(() -> parse("<mailetcontainer>\n<processor state=\"root\">\n<mailet match=\"All\"/>\n</processor>\n</mailetcontainer>"))
                .isInstanceOf(ContainerConfigException.class)
                .hasMessage("conf/mailetcontainer.xml line 3: <mailet> needs a class attribute");
    }

    @Test
    void aProcessorDefinedTwiceIsRefused() {
        assertThatThrownBy(() -> parse("<mailetcontainer><processor state=\"root\"/>\n<processor state=\"root\"/></mailetcontainer>"))
                .hasMessage("conf/mailetcontainer.xml line 2: processor \"root\" is defined twice");
    }

    @Test
    void malformedXmlNamesItsLine() {
        assertThatThrownBy(() -> parse("<mailetcontainer>\n<processor state=\"root\">\n</mailetcontainer>"))
                .isInstanceOf(ContainerConfigException.class).hasMessageStartingWith("conf/mailetcontainer.xml line 3: not well-formed XML");
    }

    @Test
    void aDoctypeIsRefusedSoNoExternalEntityIsRead() {
        assertThatThrownBy(() -> parse("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                + "<mailetcontainer>&e;</mailetcontainer>")).isInstanceOf(ContainerConfigException.class);
    }

    @Test
    void anUnknownElementIsRefused() {
        assertThatThrownBy(() -> parse("<mailetcontainer><processor state=\"root\"><matcher name=\"x\"/></processor></mailetcontainer>"))
                .hasMessageContaining("unexpected element <matcher> in <processor>");
    }

    @Test
    void aMissingFileIsOneClearLine() {
        assertThatThrownBy(() -> ContainerConfigParser.parse(Path.of("/nonexistent/mailetcontainer.xml")))
                .hasMessage("/nonexistent/mailetcontainer.xml: the mailet container configuration is missing");
    }
}
