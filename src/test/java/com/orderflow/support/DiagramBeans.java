package com.orderflow.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Stand-ins for every bean a diagram names, found in the diagram itself: the roots of its
 * {@code expression} and {@code delegateExpression} attributes (steps and listeners), of its retry cycles
 * and of its timers. So a test needs no list of bean names, and a bean renamed in Modeler is stood in for
 * all the same. What a step does is set up by activity id ({@link #at}); what ran is asserted by activity
 * id too ({@link #callsAt}). Settings a diagram reads as properties ({@code ${retryPolicy.mail}}) are maps
 * the test gives ({@link #settings}).
 */
public final class DiagramBeans {

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    /** An identifier not after a dot, followed by a dot (a bean's member) or standing alone (a delegate). */
    private static final Pattern ROOT = Pattern.compile("(?<![\\w.$])([A-Za-z_][\\w$]*)\\s*(?=\\.|$)");
    private static final Set<String> NOT_BEANS = Set.of("execution", "task", "authenticatedUserId",
            "variableScope", "true", "false", "null", "empty", "not", "and", "or");
    private static final Set<String> BEAN_ATTRIBUTES = Set.of("expression", "delegateExpression");
    private static final Set<String> BEAN_TEXTS = Set.of("failedJobRetryTimeCycle", "timeDuration", "timeCycle",
            "timeDate");

    private final Set<String> names;
    /** Fields a delegate gets injected ({@code camunda:field}), by bean. */
    private final Map<String, Set<String>> fields;
    private final Map<String, Map<String, ?>> settings = new HashMap<>();
    private final Map<String, Consumer<DiagramStep>> answers = new HashMap<>();
    private final List<DiagramStep> calls = new ArrayList<>();

    private DiagramBeans(Set<String> names, Map<String, Set<String>> fields) {
        this.names = names;
        this.fields = fields;
    }

    /** The beans named in these classpath resources (BPMN files). */
    public static DiagramBeans of(String... resources) {
        Set<String> names = new TreeSet<>();
        Map<String, Set<String>> fields = new HashMap<>();
        for (String resource : resources) {
            collect(read(resource).getDocumentElement(), names, fields);
        }
        return new DiagramBeans(names, fields);
    }

    /** The beans named in a diagram built or changed in code. */
    public static DiagramBeans of(BpmnModelInstance model) {
        Set<String> names = new TreeSet<>();
        Map<String, Set<String>> fields = new HashMap<>();
        collect(parse(new ByteArrayInputStream(Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8)),
                "the model").getDocumentElement(), names, fields);
        return new DiagramBeans(names, fields);
    }

    /** The bean names found, for a test that checks the finding itself. */
    public Set<String> names() {
        return Set.copyOf(names);
    }

    /** A settings bean: the diagram reads {@code ${bean.key}} from these values. */
    public DiagramBeans settings(String bean, Map<String, ?> values) {
        settings.put(bean, Map.copyOf(values));
        return this;
    }

    /** What the step (or listener) at this activity does, e.g. set the variable a gateway reads. */
    public DiagramBeans at(String activityId, Consumer<DiagramStep> answer) {
        answers.put(activityId, answer);
        return this;
    }

    /** The step at this activity fails with this exception (a mail server down, a refused event). */
    public DiagramBeans failAt(String activityId, RuntimeException failure) {
        return at(activityId, step -> {
            throw failure;
        });
    }

    /** The step at this activity works again (after {@link #failAt}). */
    public DiagramBeans workAt(String activityId) {
        answers.remove(activityId);
        return this;
    }

    /** Registers the stand-ins and settings for this thread's engine calls (Camunda's {@link Mocks}). */
    public DiagramBeans register() {
        for (String name : names) {
            Mocks.register(name, settings.containsKey(name) ? settings.get(name)
                    : DiagramBean.create(name, fields.getOrDefault(name, Set.of()), this));
        }
        settings.forEach(Mocks::register);
        return this;
    }

    public static void reset() {
        Mocks.reset();
    }

    /** Every bean call at this activity, in order (listeners included). */
    public List<DiagramStep> callsAt(String activityId) {
        return calls.stream().filter(call -> activityId.equals(call.activityId())).toList();
    }

    public List<DiagramStep> calls() {
        return List.copyOf(calls);
    }

    Object called(DiagramStep step) {
        calls.add(step);
        Consumer<DiagramStep> answer = answers.get(step.activityId());
        if (answer != null) {
            answer.accept(step);
        }
        return null;
    }

    private static void collect(Element element, Set<String> names, Map<String, Set<String>> fields) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (BEAN_ATTRIBUTES.contains(localName(attribute))) {
                Set<String> roots = new TreeSet<>();
                rootsOf(attribute.getValue(), roots);
                names.addAll(roots);
                Set<String> injected = injectedFields(element);
                roots.forEach(root -> fields.computeIfAbsent(root, r -> new TreeSet<>()).addAll(injected));
            }
        }
        if (BEAN_TEXTS.contains(localName(element))) {
            rootsOf(element.getTextContent(), names);
        }
        for (Element child : children(element)) {
            collect(child, names, fields);
        }
    }

    /** The {@code camunda:field}s of a listener, or of a step's extension elements. */
    private static Set<String> injectedFields(Element element) {
        Set<String> injected = new TreeSet<>();
        for (Element child : children(element)) {
            if ("field".equals(localName(child))) {
                injected.add(child.getAttribute("name"));
            } else if ("extensionElements".equals(localName(child))) {
                children(child).stream().filter(field -> "field".equals(localName(field)))
                        .forEach(field -> injected.add(field.getAttribute("name")));
            }
        }
        return injected;
    }

    private static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                children.add(childElement);
            }
        }
        return children;
    }

    static void rootsOf(String text, Set<String> names) {
        Matcher expressions = EXPRESSION.matcher(text);
        while (expressions.find()) {
            String body = STRING_LITERAL.matcher(expressions.group(1)).replaceAll("''").trim();
            Matcher roots = ROOT.matcher(body);
            while (roots.find()) {
                if (!NOT_BEANS.contains(roots.group(1))) {
                    names.add(roots.group(1));
                }
            }
        }
    }

    private static String localName(Node node) {
        return node.getLocalName() == null ? node.getNodeName() : node.getLocalName();
    }

    private static org.w3c.dom.Document read(String resource) {
        try (InputStream in = DiagramBeans.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No " + resource + " on the test classpath");
            }
            return parse(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static org.w3c.dom.Document parse(InputStream in, String resource) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalArgumentException(resource + " is no XML: " + e.getMessage(), e);
        }
    }
}
