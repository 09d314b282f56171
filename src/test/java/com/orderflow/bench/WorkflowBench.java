package com.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.modification.ModificationProcess;
import com.orderflow.modification.ModificationReason;
import com.orderflow.modification.ModificationService;
import com.orderflow.modification.ModificationViews.SubmitRequest;
import com.orderflow.order.OrderLifecycle;
import com.orderflow.shared.Actor;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Await;
import com.orderflow.support.Fixtures;
import com.orderflow.support.ForkedApp;
import com.orderflow.support.IntegrationTest;
import com.orderflow.support.TestInfrastructure;

/**
 * The benchmark of {@code mvn -B -Pbench verify}: prints one {@code BENCH } line per figure. Sizes:
 * {@code -Dorderflow.bench.n} (measured modification requests, default 2000, run against as many of the twin
 * in {@code -Dorderflow.bench.batches} alternating batches, 10),
 * {@code -Dorderflow.bench.threads} (8), {@code -Dorderflow.bench.warm-up} (instances or requests run first
 * and not counted, 200), {@code -Dorderflow.bench.bare-n} (500), {@code -Dorderflow.bench.api-n} (800),
 * {@code -Dorderflow.bench.api-clients} (16),
 * {@code -Dorderflow.bench.review-orders} (1000000; 0 skips the review run),
 * {@code -Dorderflow.bench.populated.orders} (or {@code -Dbench.populated.orders}: the orders of the populated
 * database, 1000000; 0 skips that step), {@code -Dorderflow.bench.populated.calls} (measured sendings of each
 * call, 1000, after {@code -Dorderflow.bench.populated.warm-up} not counted, 1500, and after every call was sent
 * {@code -Dorderflow.bench.populated.jit-warm-up} times, 5000, before each database's measurements: the JIT takes some
 * ten thousand sendings of a page to compile its paths) and {@code -Dorderflow.bench.populated.e2e-n}
 * (modifications of each path on each database, 600).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkflowBench extends IntegrationTest {

    private static final int N = Integer.getInteger("orderflow.bench.n", 2000);
    private static final int WARM_UP = Integer.getInteger("orderflow.bench.warm-up", 200);
    private static final int THREADS = Integer.getInteger("orderflow.bench.threads", 8);
    private static final int BATCHES = Integer.getInteger("orderflow.bench.batches", 10);
    private static final int BARE_N = Integer.getInteger("orderflow.bench.bare-n", 500);
    private static final int API_N = Integer.getInteger("orderflow.bench.api-n", 800);
    private static final int API_CLIENTS = Integer.getInteger("orderflow.bench.api-clients", 16);
    private static final long REVIEW_ORDERS = Long.getLong("orderflow.bench.review-orders", 1_000_000L);
    private static final long POPULATED_ORDERS = Long.getLong("orderflow.bench.populated.orders",
            Long.getLong("bench.populated.orders", 1_000_000L));
    private static final int POPULATED_CALLS = Integer.getInteger("orderflow.bench.populated.calls", 1000);
    private static final int POPULATED_WARM_UP = Integer.getInteger("orderflow.bench.populated.warm-up", 1500);
    private static final int POPULATED_JIT_WARM_UP = Integer.getInteger("orderflow.bench.populated.jit-warm-up", 5000);
    private static final int POPULATED_E2E_N = Integer.getInteger("orderflow.bench.populated.e2e-n", 600);
    private static final Actor SALES1 = new Actor("sales1", Set.of("sales"));
    private static final String APPROVE = ModificationProcess.APPROVE_TASK;
    private static final String BARE = "bench-bare";

    @Autowired
    ModificationService modifications;
    @Autowired
    OrderLifecycle lifecycle;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ObjectMapper json;
    @Autowired
    JavaMailSender mailSender;

    @Test
    @Order(1)
    void modificationEndToEndAgainstItsNoOpTwin() throws Exception {
        TwinProcesses twins = new TwinProcesses(engine);
        twins.deploy();
        var sales1 = as("sales1");
        long customerId = Fixtures.customer(sales1, "Bench Trading");
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < WARM_UP + N; i++) {
            long orderId = Fixtures.order(sales1, customerId).get("id").asLong();
            lifecycle.close(orderId, "sales1");
            orders.add(orderId);
        }
        WorkflowRuns runs = new WorkflowRuns(engine, THREADS);
        // Warm-up of both paths, not counted: until the JIT has compiled the hot code, it takes a
        // core of its own and a short run measures the compiler more than the workflow.
        runs.run(WARM_UP, ModificationProcess.KEY, i -> startReal(orders.get(i)), APPROVE);
        runs.run(WARM_UP, TwinProcesses.TWIN, i -> twins.start(TwinProcesses.TWIN, -1 - i), APPROVE);

        List<Long> measured = orders.subList(WARM_UP, WARM_UP + N);
        var result = new AlternatingRuns(runs, new CpuAccount(jdbc), BATCHES).run(N,
                i -> startReal(measured.get(i)), i -> twins.start(TwinProcesses.TWIN, i));
        double twin = result.twinPerSecond();
        System.out.printf("BENCH modification_e2e_per_s=%.1f twin_per_s=%.1f ratio=%.2f n=%d threads=%d "
                + "ratio_median=%.2f batches=%d%n", result.realPerSecond(), twin, result.ratio(), N, THREADS,
                result.medianRatio(), BATCHES);
        System.out.printf("BENCH-INFO batch_ratios %s%n", AlternatingRuns.ratios(result));
        System.out.printf("BENCH-INFO cpu_per_instance real %s%n",
                CpuAccount.perInstance(CpuAccount.Reading.ZERO, result.realCpu(), N));
        System.out.printf("BENCH-INFO cpu_per_instance twin %s%n",
                CpuAccount.perInstance(CpuAccount.Reading.ZERO, result.twinCpu(), N));
        // The ceiling of that ratio: the twin plus only the emails the count waits for, sent bare.
        useRealEmailsForTheBareOnes();
        String bare = TwinProcesses.WITH_BARE_EMAILS;
        runs.run(WARM_UP, bare, i -> twins.start(bare, -1 - i), APPROVE);
        double withBareEmails = runs.run(N, bare, i -> twins.start(bare, i), APPROVE);
        System.out.printf("BENCH-INFO twin_with_bare_emails_per_s=%.1f ratio_to_twin=%.2f n=%d%n", withBareEmails,
                withBareEmails / twin, N);
        System.out.printf("BENCH-INFO approvals completed again after a concurrent change: %d%n",
                runs.retriedApprovals());
    }

    @Test
    @Order(2)
    void bareCamunda() throws Exception {
        repository.createDeployment().name(BARE).addModelInstance(BARE + ".bpmn", Bpmn.createExecutableProcess(BARE)
                .camundaHistoryTimeToLive(1).startEvent().serviceTask("work").camundaExpression("${true}")
                .userTask("wait").serviceTask("async-work").camundaAsyncBefore().camundaExpression("${true}")
                .endEvent().done()).deploy();
        WorkflowRuns runs = new WorkflowRuns(engine, THREADS);
        runs.run(WARM_UP, BARE, i -> runtime.startProcessInstanceByKey(BARE).getId(), "wait");
        double rate = runs.run(BARE_N, BARE, i -> runtime.startProcessInstanceByKey(BARE).getId(), "wait");
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
        IdleEngine.await(jdbc);
        long base = ClosedOrderSeed.BASE;
        long seedStart = System.nanoTime();
        new ClosedOrderSeed(jdbc).seed(base, REVIEW_ORDERS);
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

    @Test
    @Order(5)
    void populatedDatabaseAgainstTheEmptyOne() throws Exception {
        if (POPULATED_ORDERS <= 0) {
            return;
        }
        // The review's million closed orders go first: the empty figures are those of the runs above.
        new ClosedOrderSeed(jdbc).remove();
        IdleEngine.await(jdbc);
        TwinProcesses twins = new TwinProcesses(engine);
        twins.deploy();
        var sales1 = as("sales1");
        long customerId = Fixtures.customer(sales1, "Bench Populated");
        var workflow = new PopulatedRun.Workflow(() -> {
            long orderId = Fixtures.order(sales1, customerId).get("id").asLong();
            lifecycle.close(orderId, "sales1");
            return orderId;
        }, this::startReal, i -> twins.start(TwinProcesses.TWIN, 2_000_000 + i),
                new AlternatingRuns(new WorkflowRuns(engine, THREADS), new CpuAccount(jdbc), BATCHES));
        var latencies = new CallLatencies(port, API_CLIENTS, POPULATED_CALLS, POPULATED_WARM_UP);
        new PopulatedRun(dataSource, latencies, POPULATED_ORDERS)
                .run(workflow, POPULATED_E2E_N, Math.min(WARM_UP, POPULATED_E2E_N), POPULATED_JIT_WARM_UP);
    }

    // ---------------------------------------------------------------------------------------------

    private String startReal(long orderId) {
        return modifications.submit(orderId, new SubmitRequest(ModificationReason.CUSTOMER_REQUIREMENT, "Bench",
                Map.of("discountPercent", json.valueToTree(new BigDecimal("5.00")))), SALES1).processInstanceId();
    }

    /** The bare emails copy the body of a real "applied" email and a real report: the last ones the real run made. */
    private void useRealEmailsForTheBareOnes() {
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

    private static double percentile(List<Long> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }
}
