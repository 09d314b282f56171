package com.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
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

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.task.Task;

import com.orderflow.modification.ModificationProcess;
import com.orderflow.process.MailQueue;
import com.orderflow.support.Await;

/**
 * The bench's measurement: starts instances from a number of threads while approvers complete the user
 * task as it appears, and times them until every one has ended. Both of its polls are cheap and no more
 * frequent than needed: what the harness costs per second, a slower path would pay more of per instance.
 */
final class WorkflowRuns {

    private final ProcessEngineServices engine;
    private final int threads;
    private final AtomicInteger retriedApprovals = new AtomicInteger();

    WorkflowRuns(ProcessEngineServices engine, int threads) {
        this.engine = engine;
        this.threads = threads;
    }

    /**
     * Starts n instances of processKey and returns instances per second until they have ended and the
     * emails they queued in send-email instances have been sent. The previous run of the same process
     * must have ended.
     */
    double run(int n, String processKey, IntFunction<String> start, String taskKey) throws Exception {
        Set<String> pids = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService starters = Executors.newFixedThreadPool(threads);
        ExecutorService approvers = Executors.newFixedThreadPool(threads);
        long begin = System.nanoTime();
        Date beginning = new Date();
        LocalTime startedAt = LocalTime.now();
        Thread poller = new Thread(() -> approveAsTasksAppear(taskKey, pids, approvers, running));
        poller.start();
        List<Future<?>> started = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            started.add(starters.submit(() -> pids.add(start.apply(index))));
        }
        for (Future<?> f : started) {
            f.get(10, TimeUnit.MINUTES);
        }
        Await.until(n + " instances ended", Duration.ofMinutes(30), () -> engine.getHistoryService()
                .createHistoricProcessInstanceQuery().processDefinitionKey(processKey).finishedAfter(beginning)
                .count() >= n && engine.getRuntimeService().createProcessInstanceQuery()
                        .processDefinitionKey(MailQueue.SEND_EMAIL).count() == 0);
        double seconds = (System.nanoTime() - begin) / 1e9;
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceIds(pids).finished()
                .count()).as("the instances this run started").isEqualTo(n);
        // When it ran, to match the run with a profile (e.g. Java Flight Recorder) of the same JVM.
        System.out.printf("BENCH-INFO %d instances of %s from %s to %s%n", n, processKey, startedAt, LocalTime.now());
        running.set(false);
        poller.join();
        starters.shutdown();
        approvers.shutdown();
        approvers.awaitTermination(1, TimeUnit.MINUTES);
        return n / seconds;
    }

    /** Approvals that had to be completed again after a concurrent change; 0 unless something regressed. */
    int retriedApprovals() {
        return retriedApprovals.get();
    }

    private void approveAsTasksAppear(String taskKey, Set<String> pids, ExecutorService approvers,
            AtomicBoolean running) {
        Set<String> dispatched = ConcurrentHashMap.newKeySet();
        while (running.get()) {
            List<Task> open = engine.getTaskService().createTaskQuery().taskDefinitionKey(taskKey).active()
                    .listPage(0, 200);
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
    }

    private void complete(Task task) {
        // Approvals act as manager1 (the listener checks who approves); the bare process has no approver.
        if (task.getTaskDefinitionKey().equals(ModificationProcess.APPROVE_TASK)) {
            engine.getIdentityService().setAuthentication("manager1", List.of("sales-managers"));
        }
        try {
            for (int attempt = 1; attempt <= 10; attempt++) {
                try {
                    engine.getTaskService().complete(task.getId(), Map.of("approved", true));
                    return;
                } catch (OptimisticLockingException race) {
                    // Something else moved the instance meanwhile (a timer, say): try again, as an
                    // approver in Tasklist would. Counted, so a regression shows in the output.
                    retriedApprovals.incrementAndGet();
                }
            }
        } catch (RuntimeException e) {
            System.out.println("BENCH-INFO completing " + task.getId() + " failed: " + e);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }
}
