package com.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import com.orderflow.support.ApiClient;

/**
 * p50 and p99 of read calls at a number of clients: each call is sent {@code n} times (after a
 * warm-up not counted) from that many threads at once, each thread with its own client, and every
 * answer must be 200. {@link #warmUp} sends calls without measuring them, for the JIT.
 */
final class CallLatencies {

    /**
     * One measured call: which user sends it, the path of its i-th sending, and whether its clients keep
     * their session as browsers do (the portal's pages: with HTTP Basic alone, every page made a new session).
     */
    record Call(String name, String user, IntFunction<String> path, boolean browser) {

        Call(String name, String user, IntFunction<String> path) {
            this(name, user, path, false);
        }
    }

    record Figures(double p50, double p99, int n) {
    }

    private final int port;
    private final int clients;
    private final int n;
    private final int warmUp;

    CallLatencies(int port, int clients, int n, int warmUp) {
        this.port = port;
        this.clients = clients;
        this.n = n;
        this.warmUp = warmUp;
    }

    Map<String, Figures> measure(List<Call> calls) throws Exception {
        Map<String, Figures> figures = new LinkedHashMap<>();
        for (Call call : calls) {
            figures.put(call.name(), measure(call));
        }
        return figures;
    }

    /** Sends every call {@code sendings} times, one call after the other, and measures nothing. */
    void warmUp(List<Call> calls, int sendings) throws Exception {
        for (Call call : calls) {
            send(call, sendings, 0);
        }
    }

    private Figures measure(Call call) throws Exception {
        List<Long> sorted = send(call, warmUp, n);
        Collections.sort(sorted);
        return new Figures(percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.size());
    }

    /** The nanoseconds of the last {@code measured} of {@code skipped + measured} sendings. */
    private List<Long> send(Call call, int skipped, int measured) throws Exception {
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        ThreadLocal<ApiClient> client = ThreadLocal.withInitial(() -> call.browser()
                ? ApiClient.keepingSession(port, call.user(), call.user())
                : new ApiClient(port, call.user(), call.user()));
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < skipped + measured; i++) {
            int index = i;
            done.add(pool.submit(() -> {
                String path = call.path().apply(index);
                long start = System.nanoTime();
                var response = client.get().get(path);
                long took = System.nanoTime() - start;
                assertThat(response.status()).as(call.name() + " " + path + ": " + response.text()).isEqualTo(200);
                if (index >= skipped) {
                    nanos.add(took);
                }
            }));
        }
        try {
            for (Future<?> f : done) {
                f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return new ArrayList<>(nanos);
    }

    static double percentile(List<Long> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }
}
