package com.orderflow.process;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;

/** Small readers of the parsed BPMN, DMN and form files that the checks share. */
final class ProcessDom {

    static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";

    private ProcessDom() {
    }

    /** Every element with this local name, whatever its namespace (BPMN and the DMN versions alike). */
    static List<Element> all(Node root, String localName) {
        NodeList nodes = root instanceof Document document ? document.getElementsByTagNameNS("*", localName)
                : ((Element) root).getElementsByTagNameNS("*", localName);
        List<Element> elements = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** A Camunda extension attribute ({@code camunda:formRef}), or null when absent. */
    static String camunda(Element element, String attribute) {
        String value = element.getAttributeNS(CAMUNDA_BPMN, attribute);
        return value == null || value.isEmpty() ? null : value;
    }

    /** The id of the element, or of the nearest enclosing element that has one: what the analyst clicks on. */
    static String owningId(Node node) {
        for (Node at = node; at != null; at = at.getParentNode()) {
            if (at instanceof Element element && !element.getAttribute("id").isEmpty()) {
                return element.getAttribute("id");
            }
        }
        return null;
    }

    /** The executable process enclosing this element (its key), or null. */
    static String processOf(Element element) {
        for (Node at = element; at != null; at = at.getParentNode()) {
            if (at instanceof Element e && "process".equals(e.getLocalName())) {
                return e.getAttribute("id");
            }
        }
        return null;
    }

    /** The variable keys of a Camunda Form's fields, nested groups included. */
    static List<String> formFieldKeys(JsonNode form) {
        List<String> keys = new ArrayList<>();
        collectKeys(form.path("components"), keys);
        return keys;
    }

    private static void collectKeys(JsonNode components, List<String> keys) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                keys.add(component.get("key").asText());
            }
            collectKeys(component.path("components"), keys);
        }
    }
}
