package com.orderflow.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.orderflow.modification.ModificationProcess;
import com.orderflow.shared.Actor;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Lead times of the decisions people make: an approval task from its creation to its decision, per group
 * ({@code orderflow.approval.lead.time}), and finance's settle task from its creation, as the settlement opens,
 * to its settling ({@code orderflow.settlement.lead.time}), as histograms.
 * <p>
 * The engine publishes every task event as a Spring event (the starter's eventing) inside its transaction;
 * a completion is recorded only once that transaction commits, so a decision our task listeners refuse
 * (a self-approval, a rejection without comment) counts for nothing.
 */
@Component
class TaskLeadTimes {

    static final String ESCALATED = "escalated";
    /**
     * settlement's settle-invoices task id ({@code SettlementProcess.SETTLE_INVOICES_TASK}), named here so that
     * metrics does not depend on settlement for one string; a unit test keeps the two equal.
     */
    static final String SETTLE_INVOICES_TASK = "settle-invoices";
    private static final List<String> APPROVER_GROUPS = List.of(Actor.SALES_MANAGERS, Actor.FINANCE, Actor.LEGAL,
            ESCALATED);

    private final MeterRegistry meters;
    private final Clock clock;

    TaskLeadTimes(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
        // Registered up front so that dashboards and alerts see the series before the first decision.
        APPROVER_GROUPS.forEach(this::approvalTimer);
        settlementTimer();
    }

    @EventListener
    void onTask(DelegateTask task) {
        if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName()) || task.getCreateTime() == null) {
            return;
        }
        Timer timer = switch (String.valueOf(task.getTaskDefinitionKey())) {
            case ModificationProcess.APPROVE_TASK -> approvalTimer(candidateGroup(task));
            case ModificationProcess.ESCALATED_APPROVAL_TASK -> approvalTimer(ESCALATED);
            case SETTLE_INVOICES_TASK -> settlementTimer();
            default -> null;
        };
        if (timer != null) {
            Duration lead = Duration.between(task.getCreateTime().toInstant(), clock.instant());
            afterCommit(() -> timer.record(lead.isNegative() ? Duration.ZERO : lead));
        }
    }

    private static String candidateGroup(DelegateTask task) {
        return task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).findFirst()
                .orElse("none");
    }

    private Timer approvalTimer(String group) {
        return histogram(Timer.builder("orderflow.approval.lead.time").tag("group", group)
                .description("From an approval task's creation to its decision"));
    }

    private Timer settlementTimer() {
        return histogram(Timer.builder("orderflow.settlement.lead.time")
                .description("From a settlement's opening to finance settling it"));
    }

    /** People decide in minutes to days: buckets from a second to a month instead of Micrometer's 1 ms to 30 s. */
    private Timer histogram(Timer.Builder builder) {
        return builder.publishPercentileHistogram().minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofDays(30)).register(meters);
    }

    private static void afterCommit(Runnable record) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            record.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                record.run();
            }
        });
    }
}
