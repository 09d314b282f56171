package com.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.modification.ModificationReason;
import com.orderflow.modification.ModificationService;
import com.orderflow.modification.ModificationViews.SubmitRequest;
import com.orderflow.order.OrderLifecycle;
import com.orderflow.process.ProcessKeys;
import com.orderflow.shared.Actor;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Await;
import com.orderflow.support.Fixtures;
import com.orderflow.support.ForkedApp;
import com.orderflow.support.IntegrationTest;
import com.orderflow.support.TestInfrastructure;

/**
 * The benchmark of {@code mvn -B -Pbench verify}: prints one {@code BENCH } line per figure. Sizes:
 * {@code -Dorderflow.bench.n} (measured modification requests, default 2000),
 * {@code -Dorderflow.bench.threads} (8), {@code -Dorderflow.bench.warm-up} (instances or requests run first
 * and not counted, 200), {@code -Dorderflow.bench.bare-n} (500), {@code -Dorderflow.bench.api-n} (800),
 * {@code -Dorderflow.bench.api-clients} (16),
 * {@code -Dorderflow.bench.review-orders} (1000000; 0 skips the review run).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkflowBench extends IntegrationTest {

    private static final int N = Integer.getInteger("orderflow.bench.n", 2000);
    private static final int WARM_UP = Integer.getInteger("orderflow.bench.warm-up", 200);
    private static final int THREADS = Integer.getInteger("orderflow.bench.threads", 8);
    private static final int BARE_N = Integer.getInteger("orderflow.bench.bare-n", 500);
    private static final int API_N = Integer.getInteger("orderflow.bench.api-n", 800);
    private static final int API_CLIENTS = Integer.getInteger("orderflow.bench.api-clients", 16);
    private static final long REVIEW_ORDERS = Long.getLong("orderflow.bench.review-orders", 1_000_000L);
    private static final Actor SALES1 = new Actor("sales1", Set.of("sales"));
    private static final String TWIN = "order-modification-twin";
    private static final String FLOOR = "order-modification-floor";
    private static final String BARE = "bench-bare";
    private static final AtomicInteger RETRIED_APPROVALS = new AtomicInteger();

    @Autowired
    ModificationService modifications;
    @Autowired
    OrderLifecycle lifecycle;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JavaMailSender mailSender;

    @Test
    @Order(1)
    void modificationEndToEndAgainstItsNoOpTwin() throws Exception {
        deployTwin();
        var sales1 = as("sales1");
        long customerId = Fixtures.customer(sales1, "Bench Trading");
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < WARM_UP + N; i++) {
            long orderId = Fixtures.order(sales1, customerId).get("id").asLong();
            lifecycle.close(orderId, "sales1");
            orders.add(orderId);
        }
        // Warm-up of both paths, not counted: until the JIT has compiled the hot code, it takes a
        // core of its own and a short run measures the compiler more than the workflow.
        runWorkflow(WARM_UP, ProcessKeys.ORDER_MODIFICATION, i -> startReal(orders.get(i)), "approve-modification");
        runWorkflow(WARM_UP, TWIN, i -> startTwin(TWIN, -1 - i), "approve-modification");

        List<Long> measured = orders.subList(WARM_UP, WARM_UP + N);
        double real = runWorkflow(measured.size(), ProcessKeys.ORDER_MODIFICATION,
                i -> startReal(measured.get(i)), "approve-modification");
        double twin = runWorkflow(measured.size(), TWIN, i -> startTwin(TWIN, i), "approve-modification");
        System.out.printf("BENCH modification_e2e_per_s=%.1f twin_per_s=%.1f ratio=%.2f n=%d threads=%d%n", real, twin,
                real / twin, measured.size(), THREADS);
        // The ceiling of that ratio: the twin plus only the emails the count waits for, sent bare.
        useRealEmailsForTheFloor();
        runWorkflow(WARM_UP, FLOOR, i -> startTwin(FLOOR, -1 - i), "approve-modification");
        double floor = runWorkflow(measured.size(), FLOOR, i -> startTwin(FLOOR, i), "approve-modification");
        System.out.printf("BENCH-INFO twin_with_bare_emails_per_s=%.1f ratio_to_twin=%.2f n=%d%n", floor,
                floor / twin, measured.size());
        System.out.printf("BENCH-INFO approvals completed again after a concurrent change: %d%n",
                RETRIED_APPROVALS.get());
    }

    @Test
    @Order(2)
    void bareCamunda() throws Exception {
        repository.createDeployment().name(BARE).addModelInstance(BARE + ".bpmn", Bpmn.createExecutableProcess(BARE)
                .camundaHistoryTimeToLive(1).startEvent().serviceTask("work").camundaExpression("${true}")
                .userTask("wait").serviceTask("async-work").camundaAsyncBefore().camundaExpression("${true}")
                .endEvent().done()).deploy();
        runWorkflow(WARM_UP, BARE, i -> runtime.startProcessInstanceByKey(BARE).getId(), "wait");
        double rate = runWorkflow(BARE_N, BARE, i -> runtime.startProcessInstanceByKey(BARE).getId(), "wait");
        System.out.printf("BENCH bare_camunda_per_s=%.1f n=%d threads=%d%n", rate, BARE_N, THREADS);
    }

    @Test
    @Order(3)
    void apiCreateRequestLatency() throws Exception {
        var sales1 = as("sales1");
        long customerId = Fixtures.customer(sales1, "Bench Latency");
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < API_CLIENTS * 4; i++) {
            orders.add(Fixtures.order(sales1, customerId).get("id").asLong());
        }
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(API_CLIENTS);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < API_N + WARM_UP; i++) {
            int n = i;
            done.add(clients.submit(() -> {
                ApiClient client = as("sales1");
                BigDecimal discount = BigDecimal.valueOf(n % 1400 + 1).divide(BigDecimal.valueOf(100)).setScale(2);
                long start = System.nanoTime();
                var response = client.post("/api/orders/" + orders.get(n % orders.size()) + "/modification-requests",
                        Map.of("reason", "CUSTOMER_REQUIREMENT", "description", "Latency " + n,
                                "changes", Map.of("discountPercent", discount)));
                long took = System.nanoTime() - start;
                assertThat(response.status()).as(response.text()).isIn(201, 400);
                if (n >= WARM_UP) {
                    nanos.add(took);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(10, TimeUnit.MINUTES);
        }
        clients.shutdown();
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("BENCH api_create_request_p50_ms=%.1f p99_ms=%.1f clients=%d n=%d%n",
                percentile(sorted, 0.50), percentile(sorted, 0.99), API_CLIENTS, sorted.size());
    }

    @Test
    @Order(4)
    void reviewOfClosedOrdersInAForkedJvmWith512MiB() throws Exception {
        if (REVIEW_ORDERS <= 0) {
            return;
        }
        // Let the job executor of this JVM finish the latency run's work before the forked review starts.
        Await.until("the engine is idle", Duration.ofMinutes(5),
                () -> jdbc.queryForObject("select count(*) from act_ru_job where retries_ > 0 and duedate_ is null",
                        Long.class) == 0);
        long base = 900_000_000L;
        long seedStart = System.nanoTime();
        seed(base, REVIEW_ORDERS);
        System.out.printf("BENCH-INFO seeded %d closed orders in %d s%n", REVIEW_ORDERS,
                Duration.ofNanos(System.nanoTime() - seedStart).toSeconds());
        try (ForkedApp node = ForkedApp.start(Path.of("target", "bench"), "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + TestInfrastructure.jdbcUrl(), "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres", "--spring.datasource.hikari.maximum-pool-size=8",
                "--spring.mail.host=localhost", "--spring.mail.port=" + TestInfrastructure.smtpPort(),
                "--orderflow.demo.enabled=true", "--camunda.bpm.admin-user.id=admin",
                "--camunda.bpm.admin-user.password=admin", "--logging.level.root=WARN").awaitHealthy()) {
            ApiClient admin = node.client("admin");
            long start = System.nanoTime();
            var started = admin.post("/api/admin/reviews", "");
            assertThat(started.status()).as(started.text()).isEqualTo(202);
            long reviewId = started.json().get("reviewId").asLong();
            Await.until("the review is scanned", Duration.ofMinutes(60), () -> !"RUNNING".equals(
                    admin.get("/api/reviews/" + reviewId).json().at("/review/status").asText()));
            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            var review = admin.get("/api/reviews/" + reviewId).json().get("review");
            assertThat(review.get("ordersScanned").asLong()).isGreaterThanOrEqualTo(REVIEW_ORDERS);
            assertThat(node.isAlive()).as("the 512 MiB JVM survived the review").isTrue();
            System.out.printf("BENCH review_orders=%d seconds=%d heap_max_mb=512 scanned=%d findings=%d%n",
                    REVIEW_ORDERS, seconds, review.get("ordersScanned").asLong(), review.get("findingCount").asLong());
        }
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * Starts n instances of processKey from {@code threads} threads while approvers complete the user
     * task as it appears; returns instances per second until every one of them has ended. The previous
     * run of the same process must have ended. Both polls are cheap and slow enough (what the harness
     * costs per second, a slower path would otherwise pay more of per instance).
     */
    private double runWorkflow(int n, String processKey, IntFunction<String> start, String taskKey) throws Exception {
        Set<String> pids = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService starters = Executors.newFixedThreadPool(THREADS);
        ExecutorService approvers = Executors.newFixedThreadPool(THREADS);
        Set<String> dispatched = ConcurrentHashMap.newKeySet();
        long begin = System.nanoTime();
        Date beginning = new Date();
        LocalTime startedAt = LocalTime.now();
        Thread poller = new Thread(() -> {
            while (running.get()) {
                List<Task> open = tasks.createTaskQuery().taskDefinitionKey(taskKey).active().listPage(0, 200);
                for (Task task : open) {
                    if (pids.contains(task.getProcessInstanceId()) && dispatched.add(task.getId())) {
                        approvers.submit(() -> complete(task));
                    }
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        poller.start();
        List<Future<?>> started = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            started.add(starters.submit(() -> pids.add(start.apply(index))));
        }
        for (Future<?> f : started) {
            f.get(10, TimeUnit.MINUTES);
        }
        // Ended, and the emails they queued in send-email instances of their own sent as well.
        Await.until(n + " instances ended", Duration.ofMinutes(30), () -> history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(processKey).finishedAfter(beginning).count() >= n
                && runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.SEND_EMAIL).count() == 0);
        double seconds = (System.nanoTime() - begin) / 1e9;
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceIds(pids).finished().count())
                .as("the instances this run started").isEqualTo(n);
        // When it ran, to match the run with a profile (e.g. Java Flight Recorder) of the same JVM.
        System.out.printf("BENCH-INFO %d instances of %s from %s to %s%n", n, taskKey, startedAt, LocalTime.now());
        running.set(false);
        poller.join();
        starters.shutdown();
        approvers.shutdown();
        approvers.awaitTermination(1, TimeUnit.MINUTES);
        return n / seconds;
    }

    private void complete(Task task) {
        // Approvals act as manager1 (the listener checks who approves); the bare process has no approver.
        if (task.getTaskDefinitionKey().equals("approve-modification")) {
            identity.setAuthentication("manager1", List.of("sales-managers"));
        }
        try {
            for (int attempt = 1; attempt <= 10; attempt++) {
                try {
                    tasks.complete(task.getId(), Map.of("approved", true));
                    return;
                } catch (org.camunda.bpm.engine.OptimisticLockingException race) {
                    // Something else moved the instance meanwhile (a timer, say): try again, as an
                    // approver in Tasklist would. Counted, so a regression shows in the output.
                    RETRIED_APPROVALS.incrementAndGet();
                }
            }
        } catch (RuntimeException e) {
            System.out.println("BENCH-INFO completing " + task.getId() + " failed: " + e);
        } finally {
            identity.clearAuthentication();
        }
    }

    private String startReal(long orderId) {
        return modifications.submit(orderId, new SubmitRequest(ModificationReason.CUSTOMER_REQUIREMENT, "Bench",
                Map.of("discountPercent", json.valueToTree(new BigDecimal("5.00")))), SALES1).processInstanceId();
    }

    /** The twin gets what the real delegates would have put into the process: the same DMN then decides. */
    private String startTwin(String key, int i) {
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
        return runtime.startProcessInstanceByKey(key, key + "-" + i, variables).getId();
    }

    /**
     * The very same BPMN under other keys, every delegate, expression and listener a no-op: the twin;
     * and the floor, the twin whose email steps send {@link BareEmails}.
     */
    private void deployTwin() throws Exception {
        String twin = Files.readString(Path.of("processes", "order-modification.bpmn"), StandardCharsets.UTF_8)
                .replaceAll("camunda:delegateExpression=\"\\$\\{[^}]*}\"", "camunda:expression=\"\\${true}\"")
                .replace("delegateExpression=\"${approvalTaskListener}\"", "expression=\"${true}\"");
        String mails = "camunda:expression=\"\\$\\{(modificationMails|mailQueue)[^}]*}\"";
        deploy(TWIN, twin.replaceAll(mails, "camunda:expression=\"\\${true}\""));
        deploy(FLOOR, twin.replaceAll(mails, "camunda:class=\"" + BareEmails.class.getName() + "\""));
    }

    private void deploy(String key, String xml) {
        xml = xml.replace("<bpmn:process id=\"order-modification\"", "<bpmn:process id=\"" + key + "\"");
        assertThat(xml).contains("id=\"" + key + "\"").doesNotContain("Delegate}")
                .doesNotContain("approvalTaskListener").doesNotContain("modificationMails").doesNotContain("mailQueue");
        repository.createDeployment().name(key).addString(key + ".bpmn", xml).deploy();
    }

    /** The floor sends the body of a real "applied" email and a real report: the last ones the real run made. */
    private void useRealEmailsForTheFloor() {
        MimeMessage[] received = TestInfrastructure.smtp().getReceivedMessages();
        MimeMessage applied = Arrays.stream(received).filter(m -> {
            try {
                return m.getContentType().startsWith("multipart/mixed");
            } catch (MessagingException e) {
                return false;
            }
        }).reduce((first, second) -> second).orElseThrow();
        byte[] report = jdbc.queryForObject(
                "select content from report where request_id is not null order by id desc limit 1", byte[].class);
        BareEmails.use(mailSender, applied, report);
    }

    private void seed(long base, long orders) {
        jdbc.update("insert into customer (id, name, email, version) values (?, 'Scale customer', 'scale@example.test', 0)",
                base);
        jdbc.update("""
                insert into sales_order (id, order_number, customer_id, owner, status, sales_stage, currency,
                    discount_percent, total, revision, version, created_at, closed_at, closed_by)
                select ? + n, 'SCALE-' || n, ?, 'sales1', 'CLOSED', 'WON', 'EUR', 0, 100.00, 1, 0,
                    current_timestamp, current_timestamp, 'sales1'
                from generate_series(1, ?) as n""", base, base, orders);
        jdbc.update("""
                insert into contract (id, order_id, payment_terms_days, delivery_date, warranty_months, contract_version)
                select ? + n, ? + n, 30, current_date, 12, 1 from generate_series(1, ?) as n where n % 1000 <> 0""",
                base, base, orders);
        jdbc.update("""
                insert into invoice (id, order_id, number, amount, status, issued_at, status_changed_at)
                select ? + n, ? + n, 'SCALE-I-' || n, case when n % 10 = 0 then 90.00 else 100.00 end, 'ISSUED',
                    current_timestamp, current_timestamp from generate_series(1, ?) as n""", base, base, orders);
        jdbc.update("""
                insert into delivery (id, order_id, scheduled_date, status, delivered_at)
                select ? + n, ? + n, current_date, 'DELIVERED', current_timestamp from generate_series(1, ?) as n""",
                base, base, orders);
        jdbc.execute("analyze");
    }

    private static double percentile(List<Long> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }
}
