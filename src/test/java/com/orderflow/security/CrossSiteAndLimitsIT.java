package com.orderflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;

/**
 * Writes to /api that another site can make a signed-in browser send (case 8), and the size limit of
 * /engine-rest (case 9). A browser sends HTML forms and "simple" requests (form, text/plain, multipart)
 * cross-site without asking first and attaches its cached Basic credentials, so /api must refuse those
 * content types and any write from a foreign Origin, while same-origin JSON keeps working.
 */
class CrossSiteAndLimitsIT extends IntegrationTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final int TWO_MIB = 2 * 1024 * 1024;

    /** HTTP/1.1, so a body of unknown length goes out chunked, as a browser or curl would send it. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private record Answer(int status, String contentType, String body) {
    }

    private record OrderState(String status, long version, int revision) {
    }

    // --- 8. cross-site writes ---

    /** What a page on another site can make the browser post without asking first. */
    static Stream<Arguments> crossSiteForms() {
        return Stream.of(
                Arguments.of("application/x-www-form-urlencoded", "reason=gone"),
                Arguments.of("text/plain", "{}"),
                Arguments.of("multipart/form-data; boundary=xsite",
                        "--xsite\r\nContent-Disposition: form-data; name=\"reason\"\r\n\r\ngone\r\n--xsite--\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crossSiteForms")
    void aCrossSiteFormCannotCancelAnOrder(String contentType, String body) {
        long orderId = newOrderOfSales1();
        OrderState before = stateOf(orderId);

        Answer attack = send("sales1", "POST", "/api/orders/" + orderId + "/cancel",
                Map.of("Content-Type", contentType), BodyPublishers.ofString(body));

        assertSoftly(softly -> {
            assertRefused(softly, attack, 415);
            softly.assertThat(stateOf(orderId)).as("the order").isEqualTo(before);
        });
    }

    @Test
    void aWriteFromAForeignOriginCannotCancelAnOrder() {
        long orderId = newOrderOfSales1();
        OrderState before = stateOf(orderId);

        Answer attack = send("sales1", "POST", "/api/orders/" + orderId + "/cancel",
                Map.of("Content-Type", "application/json", "Origin", "http://evil.example"), BodyPublishers.ofString("{}"));

        assertSoftly(softly -> {
            assertRefused(softly, attack, 403);
            softly.assertThat(stateOf(orderId)).as("the order").isEqualTo(before);
        });
    }

    @Test
    void aSameOriginJsonWriteStillCancelsTheOrder() {
        long orderId = newOrderOfSales1();
        OrderState before = stateOf(orderId);
        assertThat(before.status()).isEqualTo("OPEN");

        Answer cancel = send("sales1", "POST", "/api/orders/" + orderId + "/cancel",
                Map.of("Content-Type", "application/json", "Origin", "http://localhost:" + port),
                BodyPublishers.ofString("{}"));

        assertThat(cancel.status()).as(cancel.body()).isBetween(200, 299);
        assertThat(stateOf(orderId).status()).isEqualTo("CANCELLED");
    }

    // --- 9. the size limit of /engine-rest ---
    //
    // The body is a small, valid task padded with whitespace to 2 MiB, sent by an administrator, who may
    // create tasks: only the size limit stands between it and a new task, so "no such task" means something.

    @Test
    void anOversizeBodyToEngineRestIsRefusedWith413() {
        String taskName = "oversize-" + UUID.randomUUID();

        Answer attack = send("admin", "POST", "/engine-rest/task/create", Map.of("Content-Type", "application/json"),
                BodyPublishers.ofByteArray(paddedTask(taskName, TWO_MIB)));

        assertSoftly(softly -> {
            assertRefused(softly, attack, 413);
            softly.assertThat(tasksNamed(taskName)).as("tasks named " + taskName).isZero();
        });
    }

    @Test
    void anOversizeChunkedBodyToEngineRestIsRefusedWith413() {
        String taskName = "oversize-chunked-" + UUID.randomUUID();
        byte[] body = paddedTask(taskName, TWO_MIB);

        // No Content-Length: the limit can only be noticed while reading.
        Answer attack = send("admin", "POST", "/engine-rest/task/create", Map.of("Content-Type", "application/json"),
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertSoftly(softly -> {
            assertRefused(softly, attack, 413);
            softly.assertThat(tasksNamed(taskName)).as("tasks named " + taskName).isZero();
        });
    }

    // --- helpers ---

    private long newOrderOfSales1() {
        ApiClient sales1 = as("sales1");
        return Fixtures.order(sales1, Fixtures.customer(sales1, "Cross Site Co")).get("id").asLong();
    }

    private OrderState stateOf(long orderId) {
        JsonNode order = as("admin").get("/api/orders/" + orderId).json();
        return new OrderState(order.get("status").asText(), order.get("version").asLong(),
                order.get("revision").asInt());
    }

    private int tasksNamed(String name) {
        return as("admin").get("/engine-rest/task/count?name=" + name).json().get("count").asInt();
    }

    /** A valid JSON task followed by whitespace up to the given size in bytes. */
    private static byte[] paddedTask(String name, int size) {
        byte[] task = ("{\"id\":\"" + name + "\",\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        System.arraycopy(task, 0, body, 0, task.length);
        return body;
    }

    /** Sends as the user with the headers given; ApiClient sets Content-Type itself and no Origin. */
    private Answer send(String user, String method, String path, Map<String, String> headers, BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).method(method, body)
                .header("Accept", "application/json, application/problem+json, */*")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            // A server that stops reading and closes without an answer gives the client nothing to show.
            throw new AssertionError(method + " " + path + " got no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(SoftAssertions softly, Answer answer, int status) {
        softly.assertThat(answer.status()).as("status; body: %s", abbreviated(answer.body())).isEqualTo(status);
        softly.assertThat(answer.contentType()).as("content type; body: %s", abbreviated(answer.body()))
                .startsWith(PROBLEM_JSON);
    }

    private static String abbreviated(String body) {
        return body == null || body.length() <= 500 ? body : body.substring(0, 500) + "…";
    }
}
