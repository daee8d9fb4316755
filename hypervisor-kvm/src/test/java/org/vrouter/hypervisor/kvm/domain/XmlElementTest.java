package org.vrouter.hypervisor.kvm.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class XmlElementTest {
    private static final String INJECTION = "r-1</name><devices><disk type='file'/></devices><name>x";

    @Test
    void injectedMarkupInTextStaysText() throws Exception {
        XmlElement domain = XmlElement.of("domain");
        domain.add("name", INJECTION);
        domain.add("devices");

        Document parsed = parse(domain.render());

        assertThat(parsed.getElementsByTagName("name").item(0).getTextContent()).isEqualTo(INJECTION);
        assertThat(parsed.getElementsByTagName("devices").getLength()).isEqualTo(1);
        assertThat(parsed.getElementsByTagName("disk").getLength()).isZero();
    }

    @Test
    void quotesInAttributesCannotCloseThem() throws Exception {
        String value = "cloud0' type='evil\" x=\"";
        Document parsed = parse(XmlElement.of("source").attribute("bridge", value).render());

        assertThat(parsed.getDocumentElement().getAttribute("bridge")).isEqualTo(value);
        assertThat(parsed.getDocumentElement().getAttributes().getLength()).isEqualTo(1);
    }

    @Test
    void escapesAllFiveSpecialCharacters() {
        assertThat(XmlElement.of("a").text("<&>'\"").render()).isEqualTo("<a>&lt;&amp;&gt;&apos;&quot;</a>\n");
    }

    @Test
    void rejectsCharactersXmlCannotCarry() {
        assertThatThrownBy(() -> XmlElement.of("a").text("x\u0001y")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+0001");
    }

    @Test
    void rejectsElementNamesThatAreNotXmlNames() {
        assertThatThrownBy(() -> XmlElement.of("name><devices")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> XmlElement.of("a").attribute("x='1' y", "2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anElementHasTextOrChildrenNotBoth() {
        assertThatThrownBy(() -> XmlElement.of("a").text("t").add("b")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> {
            XmlElement element = XmlElement.of("a");
            element.add("b");
            element.text("t");
        }).isInstanceOf(IllegalStateException.class);
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
