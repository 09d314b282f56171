package com.orderflow.modification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.modification.ModificationViews.RequestView;
import com.orderflow.modification.ModificationViews.SubmitRequest;
import com.orderflow.order.OrderLifecycle;
import com.orderflow.shared.Actor;
import com.orderflow.support.Await;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;

/**
 * 20 threads file and approve discount changes on the same 5 closed orders at once. Every request
 * ends APPLIED or in CONFLICT (with a resolve-conflict task); no applied change is lost or overwritten.
 */
class ConcurrentModificationIT extends IntegrationTest {

    private static final Actor SALES1 = new Actor("sales1", Set.of("sales"));
    private static final int THREADS = 20;
    private static final int ORDERS = 5;
    private static final int REQUESTS_PER_THREAD = 3;

    @Autowired
    ModificationService modifications;
    @Autowired
    ModificationRequestRepository requests;
    @Autowired
    OrderLifecycle lifecycle;
    @Autowired
    TaskService tasks;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void twentyThreadsOnFiveOrdersLoseNoUpdate() throws Exception {
        var sales1 = as("sales1");
        long customerId = Fixtures.customer(sales1, "Contention Corp");
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            long orderId = Fixtures.order(sales1, customerId).get("id").asLong();
            lifecycle.close(orderId, "sales1");
            orders.add(orderId);
        }
        Map<Long, Long> revisionsBefore = new java.util.HashMap<>();
        orders.forEach(id -> revisionsBefore.put(id, revisions(id)));

        Map<Long, BigDecimal> values = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<Long>>> filed = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            filed.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                for (int k = 0; k < REQUESTS_PER_THREAD; k++) {
                    int n = thread * REQUESTS_PER_THREAD + k;
                    long orderId = orders.get((thread + k) % ORDERS);
                    // 0.25 .. 15.00: unique per request, never the current 0, and only sales-managers approve.
                    BigDecimal discount = BigDecimal.valueOf(n + 1).divide(BigDecimal.valueOf(4)).setScale(2);
                    RequestView request = modifications.submit(orderId, new SubmitRequest(
                            ModificationReason.CUSTOMER_REQUIREMENT, "Contention " + n,
                            Map.of("discountPercent", json.valueToTree(discount))), SALES1);
                    mine.add(request.id());
                    values.put(request.id(), discount);
                    approve(request.processInstanceId());
                }
                return mine;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : filed) {
            all.addAll(f.get(5, TimeUnit.MINUTES));
        }
        pool.shutdown();
        assertThat(all).hasSize(THREADS * REQUESTS_PER_THREAD);

        Set<RequestStatus> done = EnumSet.of(RequestStatus.APPLIED, RequestStatus.CONFLICT);
        Await.until("every request is applied or in conflict", Duration.ofMinutes(3),
                () -> all.stream().allMatch(id -> done.contains(modifications.find(id, SALES1).status())));
        List<ModificationRequest> finished = requests.findAllById(all);
        for (ModificationRequest conflict : finished.stream().filter(r -> r.getStatus() == RequestStatus.CONFLICT)
                .toList()) {
            Await.until("request " + conflict.getId() + " waits in resolve-conflict", Duration.ofMinutes(1),
                    () -> tasks.createTaskQuery().processInstanceId(conflict.getProcessInstanceId())
                            .taskDefinitionKey(ModificationProcess.RESOLVE_CONFLICT_TASK).count() == 1);
        }

        assertThat(finished).allSatisfy(r -> assertThat(runtime.createIncidentQuery()
                .processInstanceId(r.getProcessInstanceId()).count()).as("incidents of request " + r.getId()).isZero());

        int appliedTotal = 0;
        for (long orderId : orders) {
            List<ModificationRequest> applied = finished.stream()
                    .filter(r -> r.getOrderId() == orderId && r.getStatus() == RequestStatus.APPLIED)
                    .sorted(Comparator.comparing(ModificationRequest::getAppliedRevision)).toList();
            appliedTotal += applied.size();
            assertThat(applied).as("order %d has at least one applied request", orderId).isNotEmpty();
            // Two applied requests based on the same version would be a lost update.
            assertThat(applied).extracting(ModificationRequest::getBaseVersion).doesNotHaveDuplicates();
            assertThat(applied).extracting(ModificationRequest::getAppliedRevision).doesNotHaveDuplicates();
            assertThat(revisions(orderId)).as("revisions of order %d", orderId)
                    .isEqualTo(revisionsBefore.get(orderId) + applied.size());
            assertThat(jdbc.queryForObject("select count(*) from audit_event where order_id = ? and action = "
                    + "'MODIFICATION_APPLIED'", Long.class, orderId)).isEqualTo(applied.size());
            ModificationRequest last = applied.get(applied.size() - 1);
            BigDecimal expected = values.get(last.getId());
            BigDecimal actual = sales1.get("/api/orders/" + orderId).json().get("discountPercent").decimalValue();
            assertThat(actual).as("order %d carries the last applied value", orderId).isEqualByComparingTo(expected);
        }
        System.out.printf("CONCURRENCY %d requests on %d orders: %d applied, %d in conflict%n", all.size(), ORDERS,
                appliedTotal, all.size() - appliedTotal);
    }

    private long revisions(long orderId) {
        return jdbc.queryForObject("select count(*) from order_revision where order_id = ?", Long.class, orderId);
    }

    /** manager1 approves as soon as the task is there: at once, no concurrent change in the instance. */
    private void approve(String processInstanceId) {
        Await.until("the approval task of " + processInstanceId, Duration.ofMinutes(1),
                () -> tasks.createTaskQuery().processInstanceId(processInstanceId)
                        .taskDefinitionKey(ModificationProcess.APPROVE_TASK).count() == 1);
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(ModificationProcess.APPROVE_TASK).singleResult();
        identity.setAuthentication("manager1", List.of("sales-managers"));
        try {
            tasks.complete(task.getId(), Map.of("approved", true, "comment", "ok"));
        } finally {
            identity.clearAuthentication();
        }
    }
}
