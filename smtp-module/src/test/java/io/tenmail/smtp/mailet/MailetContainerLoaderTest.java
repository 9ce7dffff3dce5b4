package io.tenmail.smtp.mailet;

import io.tenmail.storage.model.EmailAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Configuration errors fail start-up with one line naming the file, the line and the class. */
class MailetContainerLoaderTest {

    static void load(String xml) throws ContainerConfigException {
        QueueMailetContext context = new QueueMailetContext(null, null, new MailetContainerTest.NoReports(),
                new EmailAddress("postmaster", "x.test"), "mx.x.test");
        new MailetContainerLoader(new MailetClasses(MailetContainerLoaderTest.class.getClassLoader()), new ServiceInstantiator(new MailetContainerTest.NoReports()), context)
                .build(ContainerConfigParserTest.parse(xml)).close();
    }

    @Test
    void anUnknownMailetClassNamesFileLineAndClass() {
        assertThatThrownBy(() -> load("<mailetcontainer><processor state=\"root\">\n<mailet match=\"All\" class=\"NoSuchMailet\"/>"
                + "</processor><processor state=\"error\"/></mailetcontainer>"))
                .isInstanceOf(ContainerConfigException.class)
                .hasMessageStartingWith("conf/mailetcontainer.xml line 2: no mailet class NoSuchMailet");
    }

    @Test
    void anUnknownMatcherIsRefused() {
        assertThatThrownBy(() -> load("<mailetcontainer><processor state=\"root\"><mailet match=\"Nope=1\" class=\"Null\"/>"
                + "</processor><processor state=\"error\"/></mailetcontainer>"))
                .hasMessageContaining("line 1: no matcher class Nope");
    }

    @Test
    void theErrorProcessorIsRequired() {
        assertThatThrownBy(() -> load("<mailetcontainer><processor state=\"root\"/></mailetcontainer>"))
                .hasMessage("conf/mailetcontainer.xml: no <processor state=\"error\">");
    }

    @Test
    void toProcessorMustNameAnExistingProcessor() {
        assertThatThrownBy(() -> load("<mailetcontainer><processor state=\"root\"><mailet match=\"All\" class=\"ToProcessor\">"
                + "<processor>nowhere</processor></mailet></processor><processor state=\"error\"/></mailetcontainer>"))
                .hasMessageContaining("ToProcessor: no processor named \"nowhere\"");
    }

    @Test
    void aMailetThatRefusesItsParametersIsNamed() {
        assertThatThrownBy(() -> load("<mailetcontainer><processor state=\"root\"><mailet match=\"All\" class=\"Bounce\">"
                + "<status>not a reply</status></mailet></processor><processor state=\"error\"/></mailetcontainer>"))
                .hasMessageContaining("mailet io.tenmail.smtp.mailets.Bounce refused its parameters: status must be an SMTP reply");
    }

    @Test
    void anExceptionTargetMustBeAKeywordOrAProcessor() {
        assertThatThrownBy(() -> load("<mailetcontainer><processor state=\"root\"><mailet match=\"All\" class=\"Null\">"
                + "<onMailetException>elsewhere</onMailetException></mailet></processor><processor state=\"error\"/></mailetcontainer>"))
                .hasMessageContaining("onMailetException \"elsewhere\"");
    }

    @Test
    void aClassThatIsNoMailetIsRefused() {
        assertThatThrownBy(() -> load("<mailetcontainer><processor state=\"root\"><mailet match=\"All\" class=\"java.lang.String\"/>"
                + "</processor><processor state=\"error\"/></mailetcontainer>"))
                .hasMessageContaining("no mailet class java.lang.String");
    }
}
