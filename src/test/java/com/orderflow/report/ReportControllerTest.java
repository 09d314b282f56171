package com.orderflow.report;

import static com.orderflow.support.Problems.problem;
import static com.orderflow.support.SliceUsers.actor;
import static com.orderflow.support.SliceUsers.as;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

import com.orderflow.order.OrderAccess;
import com.orderflow.shared.NotFoundException;
import com.orderflow.support.ApiSlice;

/** Reports: a list for whoever may read the order; a download that another rep's order hides (404), or 403. */
@ApiSlice(ReportController.class)
class ReportControllerTest {

    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ReportService reports;
    @MockitoBean
    OrderAccess access;
    @MockitoBean
    ReportReaders readers;

    @Test
    void withoutSignInReportsAnswer401() throws Exception {
        mvc.perform(get("/api/orders/7/reports")).andExpect(problem(HttpStatus.UNAUTHORIZED));
        mvc.perform(get("/api/reports/4")).andExpect(problem(HttpStatus.UNAUTHORIZED));
        verifyNoInteractions(reports, access, readers);
    }

    @Test
    void theReportsOfAnotherRepsOrderAreNotFound() throws Exception {
        doThrow(new NotFoundException("Order", 7L)).when(access).checkReadable(7L, actor("sales2"));
        Report report = report(new ReportOwners(7L, null, null, 2));
        when(reports.find(4L)).thenReturn(Optional.of(report));
        when(readers.mayRead(report, actor("sales2"))).thenReturn(false);

        mvc.perform(get("/api/orders/7/reports").with(as("sales2")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "Order 7 does not exist"));
        mvc.perform(get("/api/reports/4").with(as("sales2")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "Report 4 does not exist"));
    }

    @Test
    void aReportOfNoOrderIsForbiddenToThoseWhoMayNotReadIt() throws Exception {
        Report review = report(new ReportOwners(null, null, 3L, null));
        when(reports.find(4L)).thenReturn(Optional.of(review));
        when(readers.mayRead(review, actor("sales1"))).thenReturn(false);

        mvc.perform(get("/api/reports/4").with(as("sales1")))
                .andExpect(problem(HttpStatus.FORBIDDEN, "Only sales managers and admins may read report 4"));
    }

    @Test
    void anUnknownReportIsNotFoundAndABadIdABadRequest() throws Exception {
        when(reports.find(5L)).thenReturn(Optional.empty());

        mvc.perform(get("/api/reports/5").with(as("manager1")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "Report 5 does not exist"));
        mvc.perform(get("/api/reports/five").with(as("manager1")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "Parameter id has a value of the wrong type"));
    }

    @Test
    void aListedReportCarriesItsDownloadUrl() throws Exception {
        when(reports.summariesForOrder(7L)).thenReturn(List.of(new ReportSummary(4L, ReportType.CLOSING,
                "closing-SO-2026-7.pdf", "application/pdf", 1234, AT, null, 2)));

        mvc.perform(get("/api/orders/7/reports").with(as("sales1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(4))
                .andExpect(jsonPath("$[0].type").value("CLOSING"))
                .andExpect(jsonPath("$[0].fileName").value("closing-SO-2026-7.pdf"))
                .andExpect(jsonPath("$[0].sizeBytes").value(1234))
                .andExpect(jsonPath("$[0].revision").value(2))
                .andExpect(jsonPath("$[0].downloadUrl").value("/api/reports/4"))
                .andExpect(jsonPath("$[0].requestId").doesNotExist());
    }

    @Test
    void aDownloadIsAnAttachmentOfItsType() throws Exception {
        Report report = report(new ReportOwners(7L, null, null, 2));
        when(reports.find(4L)).thenReturn(Optional.of(report));
        when(readers.mayRead(report, actor("sales1"))).thenReturn(true);

        mvc.perform(get("/api/reports/4").with(as("sales1")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"closing-SO-2026-7.pdf\""))
                .andExpect(header().longValue("Content-Length", 8))
                .andExpect(content().bytes("%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));
    }

    private static Report report(ReportOwners owners) {
        Report report = new Report(ReportType.CLOSING, "closing-7-2", owners, "closing-SO-2026-7.pdf",
                "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII), AT);
        ReflectionTestUtils.setField(report, "id", 4L);
        return report;
    }
}
