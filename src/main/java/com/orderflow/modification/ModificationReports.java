package com.orderflow.modification;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.orderflow.order.SalesOrder;
import com.orderflow.order.SalesOrderRepository;
import com.orderflow.report.ModificationReportData;
import com.orderflow.report.ModificationReportData.ApprovalRow;
import com.orderflow.report.ModificationReportData.ChangeRow;

/** Gathers what the modification report shows from the request and the order. */
@Component
class ModificationReports {

    private final ModificationWorkflow workflow;
    private final SalesOrderRepository orders;

    ModificationReports(ModificationWorkflow workflow, SalesOrderRepository orders) {
        this.workflow = workflow;
        this.orders = orders;
    }

    @Transactional(readOnly = true)
    ModificationReportData data(Long requestId) {
        ModificationRequest request = workflow.find(requestId);
        SalesOrder order = orders.findWithDetailsById(request.getOrderId()).orElseThrow();
        int after = request.getAppliedRevision() == null ? order.getRevision() : request.getAppliedRevision();
        return new ModificationReportData(order.getId(), requestId, order.getOrderNumber(),
                order.getContact().name(), order.getCurrency(), request.getRequester(),
                request.getReason().label(), request.getDescription(), request.getCreatedAt(),
                request.getUpdatedAt(), after - 1, after,
                request.getChanges().stream().map(c -> new ChangeRow(c.getField(), plain(c.getOldValue()),
                        plain(c.getNewValue()))).toList(),
                request.getApprovals().stream().map(a -> new ApprovalRow(a.getGroupId(), a.getUserId(),
                        a.getDecision(), a.getComment(), a.getDecidedAt())).toList());
    }

    /** JSON strings without their quotes read better in a report. */
    private static String plain(String json) {
        if (json == null || "null".equals(json)) {
            return "";
        }
        return json.length() > 1 && json.startsWith("\"") && json.endsWith("\"")
                ? json.substring(1, json.length() - 1) : json;
    }
}
