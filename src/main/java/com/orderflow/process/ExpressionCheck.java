package com.orderflow.process;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.IdentifierNode;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Every expression of the diagrams ({@code ${...}} in attributes and texts: delegates, listeners, conditions,
 * timers, retry cycles, task names) names only what exists when it runs: a Spring bean, a variable that code or
 * the diagram sets, or one of Camunda's own names; and a bean's {@code bean.member} is a method or property it
 * has. Otherwise the expression would fail at run time, as an incident of a running request.
 */
@Component
class ExpressionCheck {

    /** Names Camunda itself gives expressions. */
    private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "externalTask", "caseExecution",
            "authenticatedUserId", "loopCounter", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances");
    /** Attributes of the diagram that declare a variable expressions may then read. */
    private static final List<String> DECLARING_ATTRIBUTES = List.of("elementVariable", "resultVariable");
    private static final Set<String> SKIPPED = Set.of("documentation", "textAnnotation", "BPMNDiagram");
    private static final Pattern MEMBER = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)\\s*\\.\\s*([A-Za-z_]\\w*)");
    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");

    private final ListableBeanFactory beans;

    ExpressionCheck(ListableBeanFactory beans) {
        this.beans = beans;
    }

    void check(ProcessFiles files, Set<String> codeVariables, List<DeploymentProblem> problems) {
        Set<String> variables = new HashSet<>(codeVariables);
        files.forms().values().forEach(form -> variables.addAll(ProcessDom.formFieldKeys(form)));
        files.bpmn().values().forEach(document -> variables.addAll(declaredVariables(document)));
        files.bpmn().forEach((file, document) -> walk(file, document.getDocumentElement(), variables, problems));
    }

    private static Set<String> declaredVariables(Document document) {
        Set<String> names = new HashSet<>();
        for (Element element : ProcessDom.all(document, "*")) {
            DECLARING_ATTRIBUTES.stream().map(a -> ProcessDom.camunda(element, a)).filter(n -> n != null)
                    .forEach(names::add);
            if (List.of("inputParameter", "outputParameter").contains(element.getLocalName())) {
                names.add(element.getAttribute("name"));
            }
            if ("formField".equals(element.getLocalName())) {
                names.add(element.getAttribute("id"));
            }
        }
        return names;
    }

    private void walk(String file, Element element, Set<String> variables, List<DeploymentProblem> problems) {
        if (SKIPPED.contains(element.getLocalName())) {
            return;
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            checkText(file, element, attribute.getValue(), variables, problems);
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element nested) {
                walk(file, nested, variables, problems);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                checkText(file, element, child.getNodeValue(), variables, problems);
            }
        }
    }

    private void checkText(String file, Element element, String text, Set<String> variables,
            List<DeploymentProblem> problems) {
        if (text == null || !(text.contains("${") || text.contains("#{"))) {
            return;
        }
        String where = ProcessDom.owningId(element);
        Tree tree;
        try {
            tree = new Builder(Builder.Feature.METHOD_INVOCATIONS).build(text);
        } catch (TreeBuilderException e) {
            problems.add(DeploymentProblem.at(file, where, "expression " + text + " does not parse: " + e.getMessage()));
            return;
        }
        List<String> unknown = new ArrayList<>();
        for (IdentifierNode identifier : tree.getIdentifierNodes()) {
            String name = identifier.getName();
            if (!variables.contains(name) && !ENGINE_NAMES.contains(name) && !beans.containsBean(name)
                    && !unknown.contains(name)) {
                unknown.add(name);
            }
        }
        unknown.forEach(name -> problems.add(DeploymentProblem.at(file, where, "expression " + text + " names '"
                + name + "', which is neither a bean of orderflow nor a variable that orderflow or the diagram sets")));
        checkMembers(file, where, text, variables, problems);
    }

    /** {@code bean.member}: the bean must have a method or a property of that name. */
    private void checkMembers(String file, String where, String text, Set<String> variables,
            List<DeploymentProblem> problems) {
        Matcher member = MEMBER.matcher(STRING_LITERAL.matcher(text).replaceAll("''"));
        while (member.find()) {
            String bean = member.group(1);
            if (variables.contains(bean) || ENGINE_NAMES.contains(bean) || !beans.containsBean(bean)) {
                continue;
            }
            Class<?> type = beans.getType(bean);
            if (type != null && !hasMember(ClassUtils.getUserClass(type), member.group(2))) {
                problems.add(DeploymentProblem.at(file, where, "expression " + text + ": bean '" + bean
                        + "' has no method or property '" + member.group(2) + "'"));
            }
        }
    }

    private static boolean hasMember(Class<?> type, String name) {
        String property = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Method method : type.getMethods()) {
            String candidate = method.getName();
            if (candidate.equals(name) || candidate.equals("get" + property) || candidate.equals("is" + property)) {
                return true;
            }
        }
        return false;
    }
}
