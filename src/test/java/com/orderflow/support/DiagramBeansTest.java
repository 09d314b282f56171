package com.orderflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.InputStream;
import java.util.Map;
import java.util.TreeSet;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stand-ins find a diagram's beans however its steps are written, and a path test keeps passing
 * when an email step changes style (another bean, a delegate with the template as an input or an
 * injected field).
 */
class DiagramBeansTest {

    private final ProcessEngine engine = ProcessTestEngine.engine();
    private String deploymentId;

    @AfterEach
    void undeploy() {
        DiagramBeans.reset();
        BpmnAwareTests.reset();
        if (deploymentId != null) {
            engine.getRepositoryService().deleteDeployment(deploymentId, true, true);
        }
    }

    @Test
    void rootsAreBeansOfMethodCallsDelegatesAndSettingsButNotArgumentsOrStrings() {
        var names = new TreeSet<String>();
        DiagramBeans.rootsOf("${mailQueue.sendOrQueue(execution, 'modificationMails', 'x')}", names);
        DiagramBeans.rootsOf("${ prepareApprovalRoundDelegate }", names);
        DiagramBeans.rootsOf("${retryPolicy.mail}", names);
        DiagramBeans.rootsOf("#{processMails.send(execution, \"order.closed\")}", names);
        DiagramBeans.rootsOf("${execution.getVariable('x')} and ${task.id}", names);

        assertThat(names).containsExactly("mailQueue", "prepareApprovalRoundDelegate", "processMails", "retryPolicy");
    }

    @Test
    void aDiagramsBeansAreFoundInStepsListenersTimersAndRetryCyclesButNotInConditions() {
        DiagramBeans beans = DiagramBeans.of("processes/order-modification.bpmn");

        assertThat(beans.names()).contains("prepareApprovalRoundDelegate", "approvalTaskListener", "orderflowMail",
                "approvalTimers", "retryPolicy", "markWithdrawnDelegate")
                .doesNotContain("requiredApprovals", "anyRejected", "approverGroup", "requester", "execution");
    }

    @Test
    void theClosingPathPassesWhateverStyleTheEmailStepIsWrittenIn() {
        assertClosingPath(emailStep("${closingEmails.send(execution, 'order-closed')}", null), "closingEmails");
        assertClosingPath(emailStep(null, "${sendEmailDelegate}"), "sendEmailDelegate");
        assertClosingPath(injected(emailStep(null, "${sendTemplateDelegate}")), "sendTemplateDelegate");
    }

    private void assertClosingPath(BpmnModelInstance model, String mailBean) {
        DiagramBeans beans = DiagramBeans.of(model)
                .settings("retryPolicy", Map.of("mail", "R1/PT1M", "work", "R1/PT1M"))
                .at("run-closing-checks", step -> step.execution().setVariable("checksPassed", true));
        assertThat(beans.names()).contains(mailBean);
        beans.register();
        BpmnAwareTests.init(engine);
        if (deploymentId != null) {
            engine.getRepositoryService().deleteDeployment(deploymentId, true, true);
        }
        deploymentId = engine.getRepositoryService().createDeployment().addModelInstance("order-closing.bpmn", model)
                .deploy().getId();

        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("order-closing",
                Map.of("owner", "sales1", "orderNumber", "SO-1"));
        while (engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count() > 0) {
            engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                    .processInstanceId(instance.getId()).singleResult().getId());
        }

        assertThat(instance).hasPassed("close-order", "notify-closed", "order-closed").isEnded();
        assertThat(beans.callsAt("notify-closed")).extracting(DiagramStep::bean).containsExactly(mailBean);
        DiagramBeans.reset();
    }

    /** The template as an injected field instead of an input, as an element template may bind it. */
    private static BpmnModelInstance injected(BpmnModelInstance model) {
        ServiceTask step = model.getModelElementById("notify-closed");
        CamundaField template = model.newInstance(CamundaField.class);
        template.setCamundaName("template");
        template.setCamundaStringValue("order-closed");
        step.getExtensionElements().addChildElement(template);
        return model;
    }

    /** order-closing.bpmn with its email step rewritten: a method expression or a delegate plus an input. */
    private static BpmnModelInstance emailStep(String expression, String delegateExpression) {
        BpmnModelInstance model;
        try (InputStream in = DiagramBeansTest.class.getClassLoader()
                .getResourceAsStream("processes/order-closing.bpmn")) {
            model = Bpmn.readModelFromStream(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ServiceTask step = model.getModelElementById("notify-closed");
        step.setCamundaExpression(expression);
        if (delegateExpression != null) {
            step.setCamundaDelegateExpression(delegateExpression);
            CamundaInputOutput io = model.newInstance(CamundaInputOutput.class);
            CamundaInputParameter template = model.newInstance(CamundaInputParameter.class);
            template.setCamundaName("template");
            template.setTextContent("order-closed");
            io.addChildElement(template);
            step.getExtensionElements().addChildElement(io);
        }
        return model;
    }
}
