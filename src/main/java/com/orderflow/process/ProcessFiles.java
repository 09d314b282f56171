package com.orderflow.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The processes folder parsed: each BPMN and DMN as an XML document (after Camunda's model API accepted it), each
 * form as JSON; or the problems of the files that do not parse, with line and column where the parser gives them.
 */
record ProcessFiles(Map<String, Document> bpmn, Map<String, Document> dmn, Map<String, JsonNode> forms,
        List<DeploymentProblem> problems) {

    static ProcessFiles parse(Map<String, byte[]> resources, ObjectMapper json) {
        ProcessFiles files = new ProcessFiles(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(),
                new ArrayList<>());
        resources.forEach((name, content) -> files.add(name, content, json));
        return files;
    }

    private void add(String name, byte[] content, ObjectMapper json) {
        try {
            if (name.endsWith(".form")) {
                forms.put(name, json.readTree(content));
            } else if (name.endsWith(".bpmn")) {
                Document document = wellFormedXml(content);
                Bpmn.readModelFromStream(new ByteArrayInputStream(content));
                bpmn.put(name, document);
            } else if (name.endsWith(".dmn")) {
                Document document = wellFormedXml(content);
                Dmn.readModelFromStream(new ByteArrayInputStream(content));
                dmn.put(name, document);
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(new DeploymentProblem(name, at == null ? null : at.getLineNr(),
                    at == null ? null : at.getColumnNr(), e.getOriginalMessage()));
        } catch (SAXParseException e) {
            problems.add(new DeploymentProblem(name, e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
        } catch (IOException | RuntimeException | SAXException | ParserConfigurationException e) {
            problems.add(xmlProblem(name, e));
        }
    }

    /** Plain XML parsing first, because it reports the line and column of the first error. */
    private static Document wellFormedXml(byte[] content) throws SAXException, IOException, ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(content));
    }

    private static DeploymentProblem xmlProblem(String name, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SAXParseException sax) {
                return new DeploymentProblem(name, sax.getLineNumber(), sax.getColumnNumber(), sax.getMessage());
            }
        }
        return new DeploymentProblem(name, null, null, e.getMessage());
    }
}
