package com.orderflow.support;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** What pom.xml configures for {@code mvn spring-boot:run}, read from the pom, so tests start the app the same way. */
final class SpringBootRunSettings {

    private SpringBootRunSettings() {
    }

    /** The {@code systemPropertyVariables} of the spring-boot-maven-plugin's configuration. */
    static Map<String, String> systemProperties() {
        try {
            Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
            NodeList plugins = pom.getElementsByTagName("plugin");
            for (int i = 0; i < plugins.getLength(); i++) {
                Element plugin = (Element) plugins.item(i);
                if ("spring-boot-maven-plugin".equals(child(plugin, "artifactId").getTextContent().trim())) {
                    return variables(plugin);
                }
            }
            throw new IllegalStateException("pom.xml has no spring-boot-maven-plugin");
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the spring-boot:run settings of pom.xml", e);
        }
    }

    private static Map<String, String> variables(Element plugin) {
        Map<String, String> properties = new LinkedHashMap<>();
        Element configuration = child(plugin, "configuration");
        Element variables = configuration == null ? null : child(configuration, "systemPropertyVariables");
        if (variables != null) {
            for (Node n = variables.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element property) {
                    properties.put(property.getTagName(), property.getTextContent().trim());
                }
            }
        }
        return properties;
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getTagName())) {
                return e;
            }
        }
        return null;
    }
}
