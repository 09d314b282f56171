package com.orderflow.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every sequence flow of the diagram must be taken by some test of the class: every gateway outcome, every
 * boundary event's path. When an analyst adds a branch, the class fails naming the flow until a test
 * takes it. Checked after the whole class ran (a single test run with {@code -Dtest=Class#method}
 * skips the check). The engine records taken flows through a parse listener ({@link #recorder()}).
 */
public final class FlowCoverage implements BeforeEachCallback, AfterAllCallback {

    private static final Set<String> TAKEN = ConcurrentHashMap.newKeySet();

    private final String resource;
    private final AtomicInteger testsRun = new AtomicInteger();

    private FlowCoverage(String resource) {
        this.resource = resource;
    }

    public static FlowCoverage of(String bpmnResource) {
        return new FlowCoverage(bpmnResource);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        testsRun.incrementAndGet();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        long tests = Arrays.stream(context.getRequiredTestClass().getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Test.class)).count();
        if (testsRun.get() < tests) {
            return;
        }
        Map<String, String> untaken = new LinkedHashMap<>();
        BpmnModelInstance model = read();
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (!TAKEN.contains(key(processOf(flow).getId(), flow.getId()))) {
                untaken.put(flow.getId(), flow.getSource().getId() + " → " + flow.getTarget().getId());
            }
        }
        if (!untaken.isEmpty()) {
            throw new AssertionError("No test of " + context.getRequiredTestClass().getSimpleName() + " takes "
                    + untaken.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                            .collect(Collectors.joining(", "))
                    + " of " + resource + ": add a test for that path");
        }
    }

    /** For the engine: records each flow as it is taken. */
    static AbstractBpmnParseListener recorder() {
        return new AbstractBpmnParseListener() {
            @Override
            public void parseSequenceFlow(Element flowElement, ScopeImpl scope, TransitionImpl transition) {
                String process = ((ProcessDefinitionEntity) scope.getProcessDefinition()).getKey();
                String taken = key(process, transition.getId());
                transition.addListener(ExecutionListener.EVENTNAME_TAKE,
                        (ExecutionListener) execution -> TAKEN.add(taken));
            }
        };
    }

    private static String key(String processKey, String flowId) {
        return processKey + "#" + flowId;
    }

    private static Process processOf(ModelElementInstance element) {
        ModelElementInstance parent = element.getParentElement();
        return parent instanceof Process process ? process : processOf(parent);
    }

    private BpmnModelInstance read() {
        try (InputStream in = FlowCoverage.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No " + resource + " on the test classpath");
            }
            return Bpmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
