package com.orderflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The element templates analysts pick steps from in Camunda Modeler (processes/.camunda/element-templates),
 * checked against the code without starting it: every bean and method a template writes exists (found the way
 * Spring names orderflow's components), every email it offers has its template under templates/mail, and every
 * step of every diagram is the application of one template, so a step typed by hand shows up here.
 */
class ElementTemplatesTest {

    private static final Path TEMPLATES = Path.of("processes", ".camunda", "element-templates");
    private static final Path MAIL_TEMPLATES = Path.of("src", "main", "resources", "templates", "mail");
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final Pattern BEAN = Pattern.compile("\\$\\{(\\w+)}");
    private static final Pattern CALL = Pattern.compile("\\$\\{(\\w+)\\.(\\w+)\\(([^)]*)\\)}");
    private static final Pattern EMAIL = Pattern.compile("\\$\\{orderflowMail\\.send\\(execution, '([\\w-]+)'\\)}");

    private static final Map<String, JsonNode> templates = new HashMap<>();
    private static final Map<String, Class<?>> beans = new HashMap<>();

    @BeforeAll
    static void readTemplatesAndBeans() throws IOException, ClassNotFoundException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode template = json.readTree(file.toFile());
                assertThat(templates.put(template.path("id").asText(), template)).as("id of " + file + " is unique").isNull();
            }
        }
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        AnnotationBeanNameGenerator names = new AnnotationBeanNameGenerator();
        SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
        for (BeanDefinition definition : scanner.findCandidateComponents("com.orderflow")) {
            String name = names.generateBeanName((AnnotatedBeanDefinition) definition, registry);
            beans.put(name, Class.forName(definition.getBeanClassName()));
        }
    }

    static Stream<Path> diagrams() throws IOException {
        return ProcessDiagramsTest.diagrams();
    }

    @Test
    void everyTemplateIsComplete() {
        assertThat(templates).isNotEmpty();
        templates.forEach((id, t) -> {
            assertThat(id).as("id").startsWith("orderflow.");
            assertThat(t.path("$schema").asText()).as(id + " $schema").contains("element-templates-json-schema");
            assertThat(t.path("name").asText()).as(id + " name").contains(" / ");
            assertThat(t.path("version").isInt()).as(id + " version").isTrue();
            assertThat(t.path("appliesTo").isArray() && !t.path("appliesTo").isEmpty()).as(id + " appliesTo").isTrue();
            t.path("properties").forEach(p -> assertThat(p.path("binding").path("type").asText()).as(id + " binding").isNotBlank());
        });
    }

    @Test
    void everyBeanAndMethodATemplateWritesExists() {
        List<String> problems = new ArrayList<>();
        templates.forEach((id, t) -> {
            for (JsonNode property : t.path("properties")) {
                for (String value : valuesOf(property)) {
                    String problem = checkExpression(value, kindOf(property));
                    if (problem != null) {
                        problems.add(id + ": " + problem);
                    }
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyEmailOfferedHasItsMailTemplate() {
        List<String> offered = emailsOffered();
        assertThat(offered).isNotEmpty().doesNotHaveDuplicates();
        for (String email : offered) {
            assertThat(MAIL_TEMPLATES.resolve(email + ".html")).as("mail template of " + email).isRegularFile();
        }
    }

    @Test
    void everyStepOfEveryDiagramIsATemplateApplied() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : diagrams().toList()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                String templateId = node.getAttributeValueNs(CAMUNDA, "modelerTemplate");
                if (templateId == null) {
                    if (node instanceof ServiceTask) {
                        problems.add(file + " " + node.getId() + ": a service task applies no template");
                    }
                    continue;
                }
                JsonNode template = templates.get(templateId);
                if (template == null) {
                    problems.add(file + " " + node.getId() + ": no template " + templateId);
                    continue;
                }
                String mismatch = mismatch(node, template);
                if (mismatch != null) {
                    problems.add(file + " " + node.getId() + " (" + templateId + "): " + mismatch);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Camunda 7 element templates cannot write task listeners; these are checked against the beans here. */
    @Test
    void everyTaskListenerOfTheDiagramsExists() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : diagrams().toList()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                if (task.getExtensionElements() == null) {
                    continue;
                }
                for (CamundaTaskListener listener : task.getExtensionElements().getElementsQuery()
                        .filterByType(CamundaTaskListener.class).list()) {
                    String problem = checkExpression(listener.getCamundaDelegateExpression(), TaskListener.class);
                    if (problem != null) {
                        problems.add(file + " " + task.getId() + ": " + problem);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aTemplateNamingAMissingBeanOrMethodFails() {
        assertThat(checkExpression("${noSuchDelegate}", JavaDelegate.class)).contains("no bean noSuchDelegate");
        assertThat(checkExpression("${orderflowMail.sendLater(execution, 'order-closed')}", null))
                .contains("no method sendLater");
        assertThat(checkExpression("${mailQueue}", JavaDelegate.class)).contains("is no JavaDelegate");
        assertThat(checkExpression("${orderflowMail.send(execution, 'order-closed')}", null)).isNull();
    }

    private static List<String> emailsOffered() {
        List<String> emails = new ArrayList<>();
        templates.get("orderflow.sendEmail").path("properties").forEach(p -> valuesOf(p).forEach(v -> {
            Matcher email = EMAIL.matcher(v);
            assertThat(email.matches()).as("email choice " + v).isTrue();
            emails.add(email.group(1));
        }));
        return emails;
    }

    /** The values a property may write: its fixed value, or each choice of a dropdown. */
    private static List<String> valuesOf(JsonNode property) {
        if ("Boolean".equals(property.path("type").asText())) {
            return List.of();
        }
        if (property.has("choices")) {
            List<String> values = new ArrayList<>();
            property.path("choices").forEach(c -> values.add(c.path("value").asText()));
            assertThat(values).as("default of a dropdown is one of its choices").contains(property.path("value").asText());
            return values;
        }
        return List.of(property.path("value").asText());
    }

    /** What a bean written by this property must implement, or null for a plain expression or value. */
    private static Class<?> kindOf(JsonNode property) {
        JsonNode binding = property.path("binding");
        if ("camunda:executionListener".equals(binding.path("type").asText())) {
            return ExecutionListener.class;
        }
        return "camunda:delegateExpression".equals(binding.path("name").asText()) ? JavaDelegate.class : null;
    }

    /** Null when the expression's bean (and method) exist, else what is wrong. Plain values pass. */
    static String checkExpression(String value, Class<?> kind) {
        Matcher bean = BEAN.matcher(value);
        if (bean.matches()) {
            Class<?> type = beans.get(bean.group(1));
            if (type == null) {
                return "no bean " + bean.group(1);
            }
            return kind == null || kind.isAssignableFrom(type) ? null
                    : bean.group(1) + " is no " + kind.getSimpleName();
        }
        Matcher call = CALL.matcher(value);
        if (call.matches()) {
            Class<?> type = beans.get(call.group(1));
            if (type == null) {
                return "no bean " + call.group(1);
            }
            int arguments = call.group(3).isBlank() ? 0 : call.group(3).split(",").length;
            boolean found = Stream.of(type.getMethods()).map(Method::getName).anyMatch(call.group(2)::equals)
                    && Stream.of(type.getMethods()).anyMatch(m -> m.getName().equals(call.group(2))
                            && m.getParameterCount() == arguments);
            return found ? null : "no method " + call.group(2) + " with " + arguments + " arguments on " + call.group(1);
        }
        return value.contains("${") ? "not an expression orderflow's templates write: " + value : null;
    }

    /** Null when the element is what the template writes: its fixed values, a dropdown's choice. */
    private static String mismatch(BaseElement element, JsonNode template) {
        String name = element.getElementType().getTypeName();
        String type = "bpmn:" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        Set<String> applies = new HashSet<>();
        template.path("appliesTo").forEach(a -> applies.add(a.asText()));
        String elementType = template.path("elementType").path("value").asText(null);
        boolean fits = elementType != null ? elementType.equals(type)
                : applies.contains(type) || (element instanceof Task && applies.contains("bpmn:Task"));
        if (!fits) {
            return "a " + type + " cannot apply it";
        }
        for (JsonNode property : template.path("properties")) {
            JsonNode binding = property.path("binding");
            List<String> allowed = valuesOf(property);
            if (allowed.isEmpty()) {
                continue;
            }
            String actual = switch (binding.path("type").asText()) {
                case "property" -> attribute(element, binding.path("name").asText());
                case "camunda:executionListener" -> listener(element, binding.path("event").asText());
                default -> throw new IllegalStateException("binding not checked yet: " + binding);
            };
            if (!allowed.contains(actual)) {
                return binding.path("name").asText(binding.path("type").asText()) + " is " + actual + ", the template writes "
                        + allowed;
            }
        }
        return null;
    }

    private static String attribute(BaseElement element, String name) {
        return name.startsWith("camunda:") ? element.getAttributeValueNs(CAMUNDA, name.substring("camunda:".length()))
                : element.getAttributeValue(name);
    }

    private static String listener(BaseElement element, String event) {
        if (element.getExtensionElements() == null) {
            return null;
        }
        return element.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class).list()
                .stream().filter(l -> event.equals(l.getCamundaEvent()))
                .map(CamundaExecutionListener::getCamundaDelegateExpression).findFirst().orElse(null);
    }
}
