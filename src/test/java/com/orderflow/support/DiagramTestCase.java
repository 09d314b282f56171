package com.orderflow.support;

import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every process test ({@code *ProcessTest}) stands on: the shared engine's services, camunda-bpm-assert
 * bound to it, the engine clock at the test's moment and stand-ins for every bean the diagram names, all
 * undone after each test. A subclass registers its diagram's deployment and flow coverage, and adds what
 * only its diagram needs in a {@code @BeforeEach} of its own (JUnit runs this one first).
 */
public abstract class DiagramTestCase {

    protected final DiagramBeans beans;
    protected final ProcessEngine engine = ProcessTestEngine.engine();
    protected final RuntimeService runtime = engine.getRuntimeService();
    protected final TaskService tasks = engine.getTaskService();
    protected final ManagementService management = engine.getManagementService();
    private final Date now;

    protected DiagramTestCase(DiagramBeans beans, Date now) {
        this.beans = beans;
        this.now = now;
    }

    @BeforeEach
    final void standInForTheDiagramsBeans() {
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(now);
        beans.register();
    }

    @AfterEach
    final void forgetTheStandIns() {
        DiagramBeans.reset();
        BpmnAwareTests.reset();
    }
}
