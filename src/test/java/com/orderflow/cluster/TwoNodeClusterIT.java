package com.orderflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Await;
import com.orderflow.support.Fixtures;
import com.orderflow.support.ForkedApp;
import com.orderflow.support.TestInfrastructure;

/**
 * Camunda's shared-database cluster: two app JVMs on one PostgreSQL, both running the job executor. Each node
 * is the packaged jar ({@code java -jar}, built by {@code mvn verify} before this test), as in production.
 * Requests are filed and approved through both nodes; then SMTP goes away under load; then one node
 * is killed with jobs in flight. Sizes are set by {@code -Dorderflow.cluster.requests} (two-node run),
 * {@code -Dorderflow.cluster.outage-requests} and {@code -Dorderflow.cluster.crash-requests}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIT {

    private static final int REQUESTS = Integer.getInteger("orderflow.cluster.requests", 300);
    private static final int OUTAGE_REQUESTS = Integer.getInteger("orderflow.cluster.outage-requests", 30);
    private static final int CRASH_REQUESTS = Integer.getInteger("orderflow.cluster.crash-requests", 40);
    private static final Duration PATIENCE = Duration.ofMinutes(4);
    private static final String FINANCE1 = "finance1@orderflow.local";
    private static final String SALES1 = "sales1@orderflow.local";

    private static ForkedApp nodeA;
    private static ForkedApp nodeB;
    private static JdbcTemplate jdbc;
    private static long customerId;

    /** One filed request: the order it changes and the process that carries it. */
    record Filed(long orderId, String orderNumber, long requestId, String processInstanceId) {
    }

    @BeforeAll
    static void startTwoNodes() {
        jdbc = new JdbcTemplate(new DriverManagerDataSource(TestInfrastructure.jdbcUrl(), "postgres", "postgres"));
        TestInfrastructure.smtpPort();
        Path work = Path.of("target", "cluster");
        // One after the other: the first creates or migrates the schemas, the second finds them ready.
        nodeA = ForkedApp.startPackagedJar(work, nodeArgs()).awaitHealthy();
        nodeB = ForkedApp.startPackagedJar(work, nodeArgs()).awaitHealthy();
        customerId = Fixtures.customer(nodeA.client("sales1"), "Cluster Trading");
    }

    @AfterAll
    static void stopNodes() throws InterruptedException {
        for (ForkedApp node : new ForkedApp[] { nodeA, nodeB }) {
            if (node != null) {
                node.close();
            }
        }
    }

    private static String[] nodeArgs() {
        return new String[] { "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + TestInfrastructure.jdbcUrl(),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.datasource.hikari.maximum-pool-size=12", "--camunda.bpm.job-execution.max-pool-size=4",
                "--spring.mail.host=localhost", "--spring.mail.port=" + TestInfrastructure.smtpPort(),
                "--orderflow.demo.enabled=true",
                "--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=admin",
                "--orderflow.retry.mail=R30/PT1S", "--orderflow.retry.work=R5/PT1S",
                "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000",
                "--camunda.bpm.job-execution.lock-time-in-millis=10000",
                "--logging.level.root=WARN" };
    }

    @Test
    @Order(1)
    void requestsSpreadOverTwoNodesAreAppliedOnceAndMailedOnce() throws Exception {
        long start = System.nanoTime();
        List<Filed> filed = fileAndApprove(REQUESTS);
        awaitAllApplied(filed);
        awaitAllMailsSent(filed);
        List<Received> received = received(filed);
        assertAppliedOnce(filed);
        assertMailedExactlyOnce(filed, received);
        assertNoIncident(filed);
        System.out.printf("CLUSTER two nodes: %d requests applied and mailed in %d s%n", filed.size(),
                Duration.ofNanos(System.nanoTime() - start).toSeconds());
    }

    @Test
    @Order(2)
    void anSmtpOutageUnderLoadDelaysEmailsButLosesAndDuplicatesNone() throws Exception {
        List<Filed> filed = new ArrayList<>(fileAndApprove(OUTAGE_REQUESTS / 2));
        TestInfrastructure.stopSmtp();
        List<Received> received;
        try {
            filed.addAll(fileAndApprove(OUTAGE_REQUESTS - OUTAGE_REQUESTS / 2));
            Await.until("sends failed while SMTP is down", PATIENCE, () -> count(
                    "select count(*) from notification where attempts > 0 and state = 'PENDING' and order_id in (%s)",
                    filed) > 0);
        } finally {
            TestInfrastructure.startSmtp();
        }
        awaitAllApplied(filed);
        awaitAllMailsSent(filed);
        received = received(filed);
        assertAppliedOnce(filed);
        assertMailedExactlyOnce(filed, received);
        assertNoIncident(filed);
    }

    @Test
    @Order(3)
    void whenOneNodeIsKilledTheOtherFinishesEverything() throws Exception {
        List<Filed> filed = file(CRASH_REQUESTS, List.of(nodeA, nodeB));
        // Approvals go through node A while both job executors work off the emails, applies and reports.
        ExecutorService approving = Executors.newSingleThreadExecutor();
        Future<List<Filed>> approved = approving.submit(() -> runAll(filed.stream()
                .<Callable<Filed>>map(f -> () -> {
                    approve(nodeA.client("finance1"), f.processInstanceId());
                    return f;
                }).toList()));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && jdbc.queryForObject(
                "select count(distinct lock_owner_) from act_ru_job where lock_owner_ is not null", Long.class) < 2) {
            Thread.sleep(10);
        }
        long locked = jdbc.queryForObject("select count(*) from act_ru_job where lock_owner_ is not null", Long.class);
        nodeB.kill();
        long killedAt = System.nanoTime();
        System.out.printf("CLUSTER crash: node B killed (kill -9) while %d jobs were locked by the two nodes%n", locked);
        assertThat(approved.get(5, TimeUnit.MINUTES)).hasSize(filed.size());
        approving.shutdown();
        awaitAllApplied(filed);
        awaitAllMailsSent(filed);
        System.out.printf("CLUSTER crash: %d requests finished by the surviving node %d s after the kill%n",
                filed.size(), Duration.ofNanos(System.nanoTime() - killedAt).toSeconds());
        List<Received> received = received(filed);
        assertAppliedOnce(filed);
        // At least once: a send cut off by the kill may be repeated, but only under the row's own Message-ID.
        Map<String, String> rows = messageIds(filed);
        assertThat(rows).hasSize(3 * filed.size());
        assertThat(received).allSatisfy(r -> assertThat(rows).as("Message-ID %s belongs to a row", r.messageId())
                .containsKey(r.messageId()));
        assertThat(received.stream().map(Received::messageId).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(rows.keySet());
        System.out.printf("CLUSTER crash: %d emails for %d rows (%d resent under the same Message-ID)%n",
                received.size(), rows.size(), received.size() - rows.size());
        assertNoIncident(filed);
    }

    // ---------------------------------------------------------------------------------------------

    /** Orders and requests filed on alternating nodes; finance approves each on the other node. */
    private static List<Filed> fileAndApprove(int n) throws Exception {
        return fileOnNodes(n, List.of(nodeA, nodeB), true);
    }

    private static List<Filed> file(int n, List<ForkedApp> nodes) throws Exception {
        return fileOnNodes(n, nodes, false);
    }

    private static List<Filed> fileOnNodes(int n, List<ForkedApp> nodes, boolean approve) throws Exception {
        List<Callable<Filed>> work = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ForkedApp filing = nodes.get(i % nodes.size());
            ForkedApp approving = nodes.get((i + 1) % nodes.size());
            work.add(() -> {
                ApiClient sales1 = filing.client("sales1");
                JsonNode order = Fixtures.order(sales1, customerId);
                long orderId = order.get("id").asLong();
                var created = sales1.post("/api/orders/" + orderId + "/modification-requests", Map.of(
                        "reason", "CUSTOMER_REQUIREMENT", "description", "Volume discount",
                        "changes", Map.of("discountPercent", 20)));
                assertThat(created.status()).as(created.text()).isEqualTo(201);
                Filed f = new Filed(orderId, order.get("orderNumber").asText(), created.json().get("id").asLong(),
                        created.json().get("processInstanceId").asText());
                if (approve) {
                    approve(approving.client("finance1"), f.processInstanceId());
                }
                return f;
            });
        }
        return runAll(work);
    }

    private static void approve(ApiClient finance1, String pid) {
        String query = "/engine-rest/task?processInstanceId=" + pid + "&candidateGroup=finance";
        Await.until("finance has the task of " + pid, PATIENCE, () -> finance1.get(query).json().size() == 1);
        String taskId = finance1.get(query).json().get(0).get("id").asText();
        Map<String, Object> body = Map.of("variables", Map.of("approved", Map.of("value", true, "type", "Boolean")));
        // At once and only once: the email announcing the task is sent by an instance of its own.
        var response = finance1.post("/engine-rest/task/" + taskId + "/complete", body);
        assertThat(response.status()).as(response.text()).isEqualTo(204);
    }

    private static <T> List<T> runAll(List<Callable<T>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(work)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static void awaitAllApplied(List<Filed> filed) {
        Await.until("all " + filed.size() + " requests are applied", PATIENCE, () -> count(
                "select count(*) from modification_request where status = 'APPLIED' and order_id in (%s)", filed)
                == filed.size());
    }

    /** Approval needed to finance1, then applied to finance1 and sales1 (requester and owner): 3 per request. */
    private static void awaitAllMailsSent(List<Filed> filed) {
        Await.until("all emails of " + filed.size() + " requests are sent", PATIENCE, () -> count(
                "select count(*) from notification where state = 'SENT' and order_id in (%s)", filed)
                == 3L * filed.size());
    }

    private static void assertAppliedOnce(List<Filed> filed) {
        Map<Long, Long> applied = new HashMap<>();
        jdbc.query("select order_id, count(*) from audit_event where action = 'MODIFICATION_APPLIED' and order_id in ("
                + ids(filed) + ") group by order_id", rs -> {
                    applied.put(rs.getLong(1), rs.getLong(2));
                });
        assertThat(applied).hasSize(filed.size());
        assertThat(applied.values()).as("MODIFICATION_APPLIED per order").containsOnly(1L);
        assertThat(count("select count(*) from order_revision where order_id in (%s)", filed))
                .as("revision 1 plus the applied one per order").isEqualTo(2L * filed.size());
    }

    private static void assertMailedExactlyOnce(List<Filed> filed, List<Received> received) {
        Map<String, String> rows = messageIds(filed);
        assertThat(rows).hasSize(3 * filed.size());
        assertThat(received).extracting(Received::messageId).as("no duplicate Message-ID").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(rows.keySet());
        Map<String, List<Received>> perOrder = received.stream().collect(Collectors.groupingBy(Received::orderNumber));
        for (Filed f : filed) {
            assertThat(perOrder.get(f.orderNumber())).as("emails of " + f.orderNumber()).extracting(Received::to)
                    .containsExactlyInAnyOrder(FINANCE1, FINANCE1, SALES1);
        }
    }

    private static void assertNoIncident(List<Filed> filed) {
        String pids = filed.stream().map(f -> "'" + f.processInstanceId() + "'").collect(Collectors.joining(","));
        assertThat(jdbc.queryForObject("select count(*) from act_ru_incident where proc_inst_id_ in (" + pids + ")",
                Long.class)).as("incidents").isZero();
        var incidents = nodeA.client("admin").get("/engine-rest/incident/count?processDefinitionKeyIn="
                + "order-modification");
        assertThat(incidents.status()).isEqualTo(200);
    }

    /** Message-ID → recipient of every notification row of these orders. */
    private static Map<String, String> messageIds(List<Filed> filed) {
        Map<String, String> rows = new HashMap<>();
        jdbc.query("select message_id, recipient_email from notification where order_id in (" + ids(filed) + ")",
                rs -> {
                    rows.put(rs.getString(1), rs.getString(2));
                });
        return rows;
    }

    record Received(String to, String orderNumber, String messageId) {
    }

    private static List<Received> received(List<Filed> filed) {
        Map<String, String> numbers = filed.stream().collect(Collectors.toMap(Filed::orderNumber, Filed::orderNumber));
        Function<MimeMessage, Received> read = m -> {
            try {
                String subject = m.getSubject();
                String number = numbers.keySet().stream().filter(subject::contains).findFirst().orElse(null);
                return new Received(m.getAllRecipients()[0].toString(), number, m.getMessageID());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        };
        return TestInfrastructure.allReceivedMessages().stream().map(read)
                .filter(r -> r.orderNumber() != null).toList();
    }

    private static long count(String sql, List<Filed> filed) {
        return jdbc.queryForObject(sql.formatted(ids(filed)), Long.class);
    }

    private static String ids(List<Filed> filed) {
        return filed.stream().map(f -> String.valueOf(f.orderId())).collect(Collectors.joining(","));
    }
}
