package com.orderflow.settlement;

import java.util.List;

import org.springframework.stereotype.Component;

import com.orderflow.process.ProcessKeys;
import com.orderflow.process.ProcessRequirement;
import com.orderflow.process.ProcessRequirements;

/** The settle-invoices task and the fields of its form that {@link SettleInvoicesTaskListener} reads. */
@Component
class SettlementProcessRequirements implements ProcessRequirements {

    @Override
    public List<ProcessRequirement> requirements() {
        return List.of(
                new ProcessRequirement.UserTask(ProcessKeys.INVOICE_SETTLEMENT, ProcessKeys.SETTLE_INVOICES_TASK,
                        ProcessKeys.SETTLE_INVOICES_FORM, List.of(Settlements.ACTION, Settlements.AMOUNT,
                                Settlements.NOTE)),
                new ProcessRequirement.Variable(Settlements.ACTION),
                new ProcessRequirement.Variable(Settlements.AMOUNT),
                new ProcessRequirement.Variable(Settlements.NOTE));
    }
}
