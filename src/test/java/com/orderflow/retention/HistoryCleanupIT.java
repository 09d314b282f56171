package com.orderflow.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.order.OrderLifecycle;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Await;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;

/**
 * Camunda's history cleanup as configured (application.yml): the history of a modification, past the
 * time to live of its diagrams (P180D, send-email P30D), is removed on the engine's clock, while
 * orderflow's own records of it (order, request, revisions, audit, notifications) stay. And a sales rep
 * can neither start the cleanup nor move a removal time through /engine-rest.
 */
class HistoryCleanupIT extends IntegrationTest {

    @Autowired
    OrderLifecycle lifecycle;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    ProcessEngineConfigurationImpl engineConfiguration;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void historyPastItsTimeToLiveIsRemovedAndOrderflowsRecordsStay() {
        var sales1 = as("sales1");
        long orderId = appliedModification(sales1);
        List<String> pids = jdbc.queryForList("""
                select h.proc_inst_id_ from act_hi_procinst h where h.business_key_ = (
                    select order_number from sales_order where id = ?)""", String.class, orderId);
        assertThat(pids).as("the order's process instances (closing, modification, emails)").isNotEmpty();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceIds(ids(pids)).unfinished().count())
                .isZero();
        Map<String, Long> before = records(orderId);
        assertThat(before.values()).allMatch(n -> n > 0);

        var refused = sales1.post("/engine-rest/history/cleanup", "");
        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        var moved = sales1.post("/engine-rest/history/process-instance/set-removal-time",
                Map.of("clearedRemovalTime", true, "historicProcessInstanceIds", pids));
        assertThat(moved.status()).as(moved.text()).isEqualTo(403);
        assertThat(removalTimes(pids)).as("every instance has its removal time, none cleared").doesNotContainNull();

        // Twenty days on, no instance is past its time to live (P30D for emails, P180D for the rest): kept.
        cleanUpAt(Instant.now().plus(Duration.ofDays(20)), pids, false);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceIds(ids(pids)).count())
                .isEqualTo(pids.size());

        cleanUpAt(Instant.now().plus(Duration.ofDays(181)), pids, true);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceIds(ids(pids)).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pids.get(0)).count()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_hi_taskinst where proc_inst_id_ in ("
                + String.join(",", pids.stream().map(p -> "'" + p + "'").toList()) + ")", Long.class)).isZero();
        assertThat(records(orderId)).as("orderflow's own records of the order").isEqualTo(before);
        assertThat(sales1.get("/api/orders/" + orderId + "/revisions").status()).isEqualTo(200);
    }

    private long appliedModification(ApiClient sales1) {
        JsonNode order = Fixtures.order(sales1, Fixtures.customer(sales1, "Retention Trading"));
        long orderId = order.get("id").asLong();
        lifecycle.close(orderId, "sales1");
        var created = sales1.post("/api/orders/" + orderId + "/modification-requests", Map.of("reason",
                "CUSTOMER_REQUIREMENT", "description", "Retention", "changes", Map.of("discountPercent", 3)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long requestId = created.json().get("id").asLong();
        var manager1 = as("manager1");
        Await.until("the approval task", () -> sales1.get("/api/modification-requests/" + requestId).json()
                .get("status").asText().equals("IN_APPROVAL") && !manager1.get("/engine-rest/task?processInstanceId="
                        + processOf(sales1, requestId)).json().isEmpty());
        String taskId = manager1.get("/engine-rest/task?processInstanceId=" + processOf(sales1, requestId)).json()
                .get(0).get("id").asText();
        var approved = manager1.post("/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of("approved", Map.of("value", true, "type", "Boolean"))));
        assertThat(approved.status()).as(approved.text()).isEqualTo(204);
        Await.until("the request is applied and its emails sent", () -> "APPLIED".equals(sales1.get(
                "/api/modification-requests/" + requestId).json().get("status").asText())
                && jdbc.queryForObject("""
                        select count(*) from act_hi_procinst h join sales_order o on h.business_key_ = o.order_number
                        where o.id = ? and h.end_time_ is null""", Long.class, orderId) == 0
                && jdbc.queryForObject("select count(*) from notification where order_id = ? and state <> 'SENT'",
                        Long.class, orderId) == 0);
        return orderId;
    }

    private static String processOf(ApiClient api, long requestId) {
        return api.get("/api/modification-requests/" + requestId).json().get("processInstanceId").asText();
    }

    /** Runs the history cleanup as its job would run on that day, the job executor held meanwhile. */
    private void cleanUpAt(Instant day, List<String> pids, boolean expectRemoved) {
        JobExecutor executor = engineConfiguration.getJobExecutor();
        executor.shutdown();
        ClockUtil.setCurrentTime(Date.from(day));
        try {
            history.cleanUpHistoryAsync(true);
            for (int round = 0; round < 50; round++) {
                for (Job job : history.findHistoryCleanupJobs()) {
                    try {
                        management.executeJob(job.getId());
                    } catch (ProcessEngineException e) {
                        // A cleanup job that found nothing more to do, or ran into another's rows: run it again.
                    }
                }
                long left = history.createHistoricProcessInstanceQuery().processInstanceIds(ids(pids)).count();
                if (!expectRemoved || left == 0) {
                    return;
                }
            }
        } finally {
            ClockUtil.reset();
            executor.start();
        }
    }

    private Map<String, Long> records(long orderId) {
        return Map.of(
                "order", count("select count(*) from sales_order where id = ?", orderId),
                "request", count("select count(*) from modification_request where order_id = ?", orderId),
                "revisions", count("select count(*) from order_revision where order_id = ?", orderId),
                "audit", count("select count(*) from audit_event where order_id = ?", orderId),
                "notifications", count("select count(*) from notification where order_id = ?", orderId),
                "approvals", count("""
                        select count(*) from modification_approval a join modification_request r on r.id = a.request_id
                        where r.order_id = ?""", orderId));
    }

    private long count(String sql, long orderId) {
        return jdbc.queryForObject(sql, Long.class, orderId);
    }

    private List<Date> removalTimes(List<String> pids) {
        return pids.stream().map(pid -> history.createHistoricProcessInstanceQuery().processInstanceId(pid)
                .singleResult()).map(HistoricProcessInstance::getRemovalTime).toList();
    }

    private static java.util.Set<String> ids(List<String> ids) {
        return new java.util.HashSet<>(ids);
    }
}
