package com.orderflow.settlement;

import java.util.List;

import org.springframework.stereotype.Component;

import com.orderflow.process.ProcessRequirement;
import com.orderflow.process.ProcessRequirements;

/**
 * The invoice-settlement process, its settle-invoices task and the fields of its form that
 * {@link SettleInvoicesTaskListener} reads, and the variables of {@link SettlementProcess}.
 */
@Component
class SettlementProcessRequirements implements ProcessRequirements {

    @Override
    public List<ProcessRequirement> requirements() {
        return List.of(
                new ProcessRequirement.Process(SettlementProcess.KEY),
                new ProcessRequirement.UserTask(SettlementProcess.KEY, SettlementProcess.SETTLE_INVOICES_TASK,
                        SettlementProcess.SETTLE_INVOICES_FORM, List.of(Settlements.ACTION, Settlements.AMOUNT,
                                Settlements.NOTE)),
                new ProcessRequirement.Variable(Settlements.ACTION),
                new ProcessRequirement.Variable(Settlements.AMOUNT),
                new ProcessRequirement.Variable(Settlements.NOTE),
                new ProcessRequirement.Variable(SettlementProcess.SETTLEMENT_ID),
                new ProcessRequirement.Variable(SettlementProcess.ORDER_ID),
                new ProcessRequirement.Variable(SettlementProcess.ORDER_NUMBER));
    }
}
