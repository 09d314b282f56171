package com.orderflow.lifecycle.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.orderflow.lifecycle.LifecycleInstances;
import com.orderflow.lifecycle.LifecycleProcess;
import com.orderflow.order.OrderSnapshot;
import com.orderflow.report.ClosingReportData;
import com.orderflow.report.ReportService;
import com.orderflow.revision.RevisionService;

/**
 * Writes the PDF closing report from the revision the close stored (so it shows the order exactly as
 * closed, even if the job runs later); idempotent per order and revision. Keeps its id for the email.
 */
@Component("writeClosingReportDelegate")
class WriteClosingReportDelegate implements JavaDelegate {

    private final LifecycleInstances instances;
    private final RevisionService revisions;
    private final ReportService reports;

    WriteClosingReportDelegate(LifecycleInstances instances, RevisionService revisions, ReportService reports) {
        this.instances = instances;
        this.revisions = revisions;
        this.reports = reports;
    }

    @Override
    @Transactional
    public void execute(DelegateExecution execution) {
        Long orderId = instances.orderIdOf(execution);
        int revision = (Integer) execution.getVariable(LifecycleProcess.CLOSED_REVISION);
        OrderSnapshot closed = revisions.read(revisions.get(orderId, revision));
        ClosingReportData data = new ClosingReportData(orderId, closed.orderNumber(), closed.customer().name(),
                closed.owner(), closed.currency(), closed.total(), closed.closedAt(), closed.closedBy(), revision,
                closed.lines().stream().map(l -> new ClosingReportData.LineRow(l.sku(), l.description(), l.quantity(),
                        l.unitPrice())).toList(),
                closed.invoices().stream().map(i -> new ClosingReportData.InvoiceRow(i.number(), i.amount(),
                        i.status().name())).toList(),
                closed.contract().deliveryDate());
        execution.setVariable(LifecycleProcess.REPORT_ID, reports.storeClosingReport(data));
    }
}
