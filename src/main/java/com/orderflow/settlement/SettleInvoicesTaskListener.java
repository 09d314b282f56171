package com.orderflow.settlement;

import java.math.BigDecimal;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.orderflow.process.ActingUser;
import com.orderflow.process.TaskRefusedException;
import com.orderflow.shared.Actor;

/**
 * Completing {@code settle-invoices} issues the documents of the form (the proposal when finance
 * changed nothing), in the completing transaction: a refusal (they do not add up, the order was settled
 * meanwhile) leaves the task open and nothing issued.
 */
@Component("settleInvoicesTaskListener")
class SettleInvoicesTaskListener implements TaskListener {

    private final Settlements settlements;
    private final IdentityService identity;

    SettleInvoicesTaskListener(Settlements settlements, IdentityService identity) {
        this.settlements = settlements;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        ActingUser user = ActingUser.of(task, identity);
        if (!user.groups().contains(Actor.FINANCE) && !user.groups().contains(Actor.ADMINS)) {
            throw new TaskRefusedException(403, "Only finance and admins settle invoices");
        }
        SettlementPlan.Action action = action(task.getVariable(Settlements.ACTION));
        BigDecimal amount = amount(task.getVariable(Settlements.AMOUNT));
        Object note = task.getVariable(Settlements.NOTE);
        try {
            settlements.settle(task.getProcessInstanceId(), action, amount, note == null ? null : note.toString(),
                    user.userId());
        } catch (SettlementPlan.Refused refused) {
            throw new TaskRefusedException(400, refused.getMessage());
        }
    }

    private static SettlementPlan.Action action(Object value) {
        try {
            return SettlementPlan.Action.valueOf(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new TaskRefusedException(400, Settlements.ACTION + " must be one of SUPPLEMENTARY_INVOICE, "
                    + "CREDIT_NOTE, VOID_AND_REISSUE, NONE, not " + value);
        }
    }

    private static BigDecimal amount(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value.toString().strip());
            if (amount.scale() > 2 || amount.signum() < 0 || amount.precision() - amount.scale() > 13) {
                throw new NumberFormatException();
            }
            return amount.setScale(2);
        } catch (NumberFormatException e) {
            throw new TaskRefusedException(400, Settlements.AMOUNT + " must be an amount such as 25000.00, not "
                    + value);
        }
    }
}
