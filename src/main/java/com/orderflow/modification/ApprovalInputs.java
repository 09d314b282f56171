package com.orderflow.modification;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import com.orderflow.order.OrderStatus;

/**
 * The inputs of the analysts' approval rules (the DMN {@code modification-approval}) for a change of an
 * order. The process's approval round and the portal's preview both take them from here, so the preview
 * always names the groups the process will ask.
 */
public record ApprovalInputs(OrderStatus orderStatus, BigDecimal totalDelta, BigDecimal discountPercent,
        boolean contractChanged, ModificationReason reason) {

    /**
     * {@code changedFields} are the change's field paths ({@code "contract.deliveryDate"}); a change not yet
     * given a reason counts as a customer's requirement.
     */
    public static ApprovalInputs of(OrderStatus status, BigDecimal totalBefore, BigDecimal totalAfter,
            BigDecimal discountAfter, Collection<String> changedFields, ModificationReason reason) {
        boolean contract = changedFields.stream()
                .anyMatch(path -> OrderField.byPath(path).map(OrderField::isContractTerm).orElse(false));
        return new ApprovalInputs(status, totalAfter.subtract(totalBefore).abs(), discountAfter, contract,
                reason == null ? ModificationReason.CUSTOMER_REQUIREMENT : reason);
    }

    /** As the decision table reads them: the variables of the process's approval round. */
    public Map<String, Object> variables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ModificationProcess.ORDER_STATUS, orderStatus.name());
        variables.put(ModificationProcess.TOTAL_DELTA, totalDelta.doubleValue());
        variables.put(ModificationProcess.DISCOUNT_PERCENT, discountPercent.doubleValue());
        variables.put(ModificationProcess.CONTRACT_CHANGED, contractChanged);
        variables.put(ModificationProcess.REASON, reason.name());
        return variables;
    }
}
