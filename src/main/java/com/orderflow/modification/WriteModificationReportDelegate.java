package com.orderflow.modification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.orderflow.report.ReportService;

/** Writes the PDF modification report (idempotent per request) and keeps its id for the email. */
@Component("writeModificationReportDelegate")
class WriteModificationReportDelegate implements JavaDelegate {

    private final ModificationReports reports;
    private final ReportService reportService;
    private final ModificationInstances instances;

    WriteModificationReportDelegate(ModificationReports reports, ReportService reportService, ModificationInstances instances) {
        this.instances = instances;
        this.reports = reports;
        this.reportService = reportService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long requestId = instances.requestOf(execution);
        execution.setVariable(ModificationProcess.REPORT_ID, reportService.storeModificationReport(reports.data(requestId)));
    }
}
