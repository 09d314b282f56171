package com.orderflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Definitions;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What an analyst sees when opening processes/ in Camunda Modeler: the drawing (no flow running across a
 * shape it does not connect, every element drawn, labels placed) and the rules of bpmnlint's
 * {@code recommended} set that Modeler shows, as far as they read simply from the model, so the build
 * keeps them without Node. Each failure names the file and the element.
 */
class ProcessDiagramsTest {

    private static final Path PROCESSES = Path.of("processes");
    /** A line may touch a shape's border (it enters its target there); crossing means going inside. */
    private static final double INSET = 2;

    static Stream<Path> diagrams() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            List<Path> bpmn = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
            assertThat(bpmn).isNotEmpty();
            return bpmn.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void noFlowCrossesAShapeItDoesNotConnect(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
        List<String> crossings = new ArrayList<>();
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            if (!(edge.getBpmnElement() instanceof SequenceFlow flow)) {
                continue;
            }
            List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
            for (BpmnShape shape : shapes) {
                String id = shape.getBpmnElement().getId();
                if (id.equals(flow.getSource().getId()) || id.equals(flow.getTarget().getId())) {
                    continue;
                }
                for (int i = 1; i < points.size(); i++) {
                    if (crossesInside(points.get(i - 1), points.get(i), shape.getBounds())) {
                        crossings.add(flow.getId() + " crosses " + id);
                        break;
                    }
                }
            }
        }
        assertThat(crossings).as(file + ": flows drawn across shapes they do not connect").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void everyElementIsDrawnAndEveryNameHasItsLabelPlaced(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> drawn = new ArrayList<>();
        model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
        model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
        List<String> problems = new ArrayList<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (!drawn.contains(node.getId())) {
                problems.add(node.getId() + " is not drawn");
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (!drawn.contains(flow.getId())) {
                problems.add(flow.getId() + " is not drawn");
            }
        }
        // Modeler draws the names of events, gateways and flows outside the shape, where the label's bounds say.
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            if (shape.getBpmnElement() instanceof FlowNode node && !(node instanceof Activity)
                    && hasName(node.getName()) && (shape.getBpmnLabel() == null || shape.getBpmnLabel().getBounds() == null)) {
                problems.add(node.getId() + " has no label bounds");
            }
        }
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            if (edge.getBpmnElement() instanceof SequenceFlow flow && hasName(flow.getName())
                    && (edge.getBpmnLabel() == null || edge.getBpmnLabel().getBounds() == null)) {
                problems.add(flow.getId() + " has no label bounds");
            }
        }
        assertThat(problems).as(file.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void isSavedInModelersFormat(Path file) {
        Definitions definitions = Bpmn.readModelFromFile(file.toFile()).getDefinitions();
        assertThat(definitions.getExporter()).as(file + " exporter").isEqualTo("Camunda Modeler");
        assertThat(definitions.getExporterVersion()).as(file + " exporterVersion").isNotBlank();
        assertThat(definitions.getAttributeValueNs("http://camunda.org/schema/modeler/1.0", "executionPlatform"))
                .as(file + " execution platform").isEqualTo("Camunda Platform");
    }

    /** bpmnlint: no-implicit-split, no-gateway-join-fork, fake-join, conditional-flows. */
    @ParameterizedTest
    @MethodSource("diagrams")
    void splitsAndJoinsAreGateways(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> problems = new ArrayList<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            int in = node.getIncoming().size();
            int out = node.getOutgoing().size();
            if (node instanceof Gateway) {
                if (in > 1 && out > 1) {
                    problems.add(node.getId() + " both forks and joins");
                }
            } else {
                if (out > 1) {
                    problems.add(node.getId() + " splits without a gateway");
                }
                if (in > 1) {
                    problems.add(node.getId() + " joins without a gateway (fake join)");
                }
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (flow.getConditionExpression() != null && !(flow.getSource() instanceof Gateway)) {
                problems.add(flow.getId() + " is conditional but leaves no gateway");
            }
        }
        assertThat(problems).as(file.toString()).isEmpty();
    }

    /** bpmnlint: label-required, start-event-required, end-event-required, no-disconnected. */
    @ParameterizedTest
    @MethodSource("diagrams")
    void everyStepIsNamedAndConnected(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> problems = new ArrayList<>();
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.getChildElementsByType(StartEvent.class).isEmpty()) {
                problems.add(process.getId() + " has no start event");
            }
            if (process.getChildElementsByType(EndEvent.class).isEmpty()) {
                problems.add(process.getId() + " has no end event");
            }
        }
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            boolean joiningGateway = node instanceof Gateway && node.getOutgoing().size() < 2;
            if (!joiningGateway && !hasName(node.getName())) {
                problems.add(node.getId() + " has no name");
            }
            boolean connected = !node.getIncoming().isEmpty() || node instanceof StartEvent || node instanceof BoundaryEvent;
            if (!connected || (node.getOutgoing().isEmpty() && !(node instanceof EndEvent))) {
                problems.add(node.getId() + " is disconnected or ends without an end event");
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (flow.getConditionExpression() != null && !hasName(flow.getName())) {
                problems.add(flow.getId() + " has a condition but no name");
            }
        }
        assertThat(problems).as(file.toString()).isEmpty();
    }

    /** What each step and decision does, in both languages, shown in Modeler's documentation field. */
    @ParameterizedTest
    @MethodSource("diagrams")
    void everyTaskAndGatewayIsDocumentedInChineseAndEnglish(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> undocumented = new ArrayList<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (!(node instanceof Activity || node instanceof Gateway)) {
                continue;
            }
            String text = node.getDocumentations().stream().map(d -> d.getTextContent()).reduce("", String::concat);
            boolean chinese = text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            boolean english = text.matches("(?s).*[A-Za-z]{3,}.*\\s[A-Za-z]{2,}.*");
            if (!chinese || !english) {
                undocumented.add(node.getId());
            }
        }
        assertThat(undocumented).as(file + ": tasks and gateways without zh-CN and en documentation").isEmpty();
    }

    @Test
    void modelerShowsTheRecommendedLintRules() throws IOException {
        String rc = Files.readString(PROCESSES.resolve(".bpmnlintrc"), StandardCharsets.UTF_8);
        assertThat(rc.replaceAll("\\s", "")).contains("\"extends\":\"bpmnlint:recommended\"");
    }

    @Test
    void aFlowThroughAShapeIsACrossing() {
        Bounds box = Bpmn.createEmptyModel().newInstance(Bounds.class);
        box.setX(50);
        box.setY(0);
        box.setWidth(36);
        box.setHeight(36);
        assertThat(crossesInside(waypoint(0, 18), waypoint(200, 18), box)).isTrue();
        assertThat(crossesInside(waypoint(0, 0), waypoint(box.getX(), 0), box)).isFalse();
        assertThat(crossesInside(waypoint(0, 100), waypoint(200, 100), box)).isFalse();
    }

    private static Waypoint waypoint(double x, double y) {
        Waypoint point = Bpmn.createEmptyModel().newInstance(Waypoint.class);
        point.setX(x);
        point.setY(y);
        return point;
    }

    private static boolean hasName(String name) {
        return name != null && !name.isBlank();
    }

    /** Liang–Barsky clipping of the segment against the shape shrunk by {@link #INSET}. */
    static boolean crossesInside(Waypoint a, Waypoint b, Bounds box) {
        double minX = box.getX() + INSET;
        double maxX = box.getX() + box.getWidth() - INSET;
        double minY = box.getY() + INSET;
        double maxY = box.getY() + box.getHeight() - INSET;
        double dx = b.getX() - a.getX();
        double dy = b.getY() - a.getY();
        double[] p = { -dx, dx, -dy, dy };
        double[] q = { a.getX() - minX, maxX - a.getX(), a.getY() - minY, maxY - a.getY() };
        double enter = 0;
        double leave = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return false;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    enter = Math.max(enter, t);
                } else {
                    leave = Math.min(leave, t);
                }
            }
        }
        return enter < leave;
    }
}
