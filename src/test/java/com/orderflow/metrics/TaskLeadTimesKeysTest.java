package com.orderflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.orderflow.settlement.SettlementProcess;

/** The settle task that the settlement lead time waits for is settlement's own (named twice, kept equal here). */
class TaskLeadTimesKeysTest {

    @Test
    void settlementLeadTimeWatchesTheSettleInvoicesTask() {
        assertThat(TaskLeadTimes.SETTLE_INVOICES_TASK).isEqualTo(SettlementProcess.SETTLE_INVOICES_TASK);
    }
}
