package com.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineServices;

/**
 * {@code order-modification.bpmn} under other keys, every delegate, expression and listener a no-op:
 * the twin, and the twin whose email steps send {@link BareEmails}. Both run the same DMN on the same
 * engine, database and threads as the real process.
 */
final class TwinProcesses {

    static final String TWIN = "order-modification-twin";
    static final String WITH_BARE_EMAILS = "order-modification-bare-emails";

    private final ProcessEngineServices engine;

    TwinProcesses(ProcessEngineServices engine) {
        this.engine = engine;
    }

    void deploy() throws IOException {
        String twin = Files.readString(Path.of("processes", "order-modification.bpmn"), StandardCharsets.UTF_8)
                .replaceAll("camunda:delegateExpression=\"\\$\\{[^}]*}\"", "camunda:expression=\"\\${true}\"")
                .replace("delegateExpression=\"${approvalTaskListener}\"", "expression=\"${true}\"");
        String mails = "camunda:expression=\"\\$\\{(orderflowMail|modificationMails|mailQueue)[^}]*}\"";
        deploy(TWIN, twin.replaceAll(mails, "camunda:expression=\"\\${true}\""));
        deploy(WITH_BARE_EMAILS, twin.replaceAll(mails, "camunda:class=\"" + BareEmails.class.getName() + "\""));
    }

    /** An instance gets what the real delegates would have put into the process: the same DMN then decides. */
    String start(String key, int i) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("requestId", (long) i);
        variables.put("orderId", (long) i);
        variables.put("orderNumber", key + "-" + i);
        variables.put("requester", "sales1");
        variables.put("orderStatus", "CLOSED");
        variables.put("totalDelta", 0.0);
        variables.put("discountPercent", 5.0);
        variables.put("contractChanged", false);
        variables.put("reason", "CUSTOMER_REQUIREMENT");
        variables.put("requiredApprovals", new ArrayList<>(List.of("sales-managers")));
        variables.put("anyRejected", false);
        variables.put("conflict", false);
        return engine.getRuntimeService().startProcessInstanceByKey(key, key + "-" + i, variables).getId();
    }

    private void deploy(String key, String xml) {
        String keyed = xml.replace("<bpmn:process id=\"order-modification\"", "<bpmn:process id=\"" + key + "\"");
        assertThat(keyed).contains("id=\"" + key + "\"").doesNotContain("Delegate}")
                .doesNotContain("approvalTaskListener").doesNotContain("modificationMails").doesNotContain("mailQueue").doesNotContain("orderflowMail");
        engine.getRepositoryService().createDeployment().name(key).addString(key + ".bpmn", keyed).deploy();
    }
}
