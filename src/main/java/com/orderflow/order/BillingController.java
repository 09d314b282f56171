package com.orderflow.order;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.orderflow.order.BillingRequests.IssueCreditNote;
import com.orderflow.order.BillingRequests.IssueInvoice;
import com.orderflow.order.BillingRequests.VoidInvoice;
import com.orderflow.order.OrderViews.CreditNoteView;
import com.orderflow.order.OrderViews.InvoiceView;
import com.orderflow.process.ConcurrentUpdates;
import com.orderflow.shared.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api")
@Tag(name = "Invoices and credit notes", description = "An order's invoices and credit notes: issued, credited and "
        + "voided by finance and admins, read by whoever may read the order.")
// A direct document moves the order's open settlement, whose instance may be running a step at that
// moment: such a clash is tried again (see ConcurrentUpdates).
class BillingController {

    private final BillingService billing;

    BillingController(BillingService billing) {
        this.billing = billing;
    }

    @Operation(operationId = "listInvoices", summary = "List an order's invoices",
            description = "Every invoice of the order with the credit notes against it.")
    @GetMapping("/orders/{orderId}/invoices")
    List<InvoiceView> invoices(@PathVariable Long orderId, Actor actor) {
        List<CreditNote> notes = billing.creditNotes(orderId, actor);
        Map<Long, List<CreditNote>> byInvoice = notes.stream().collect(Collectors.groupingBy(CreditNote::getInvoiceId));
        return billing.invoices(orderId, actor).stream()
                .map(i -> InvoiceView.of(i, byInvoice.getOrDefault(i.getId(), List.of()))).toList();
    }

    @Operation(operationId = "issueInvoice", summary = "Issue an invoice",
            description = "Finance and admins issue an invoice (`INV-<year>-<6 digits>`) for an amount of the "
                    + "order, with a reason; its PDF joins the order's reports.")
    @ApiResponse(responseCode = "201", description = "The invoice, issued", useReturnTypeSchema = true)
    @PostMapping("/orders/{orderId}/invoices")
    ResponseEntity<InvoiceView> issue(@PathVariable Long orderId, @Valid @RequestBody IssueInvoice request,
            Actor actor) {
        Invoice invoice = ConcurrentUpdates.retry(() -> billing.issueInvoice(orderId, request, actor));
        return ResponseEntity.created(URI.create("/api/invoices/" + invoice.getId()))
                .body(InvoiceView.of(invoice, List.of()));
    }

    @Operation(operationId = "listCreditNotes", summary = "List an order's credit notes",
            description = "Every credit note of the order with the number of the invoice it credits.")
    @GetMapping("/orders/{orderId}/credit-notes")
    List<CreditNoteView> creditNotes(@PathVariable Long orderId, Actor actor) {
        Map<Long, String> numbers = billing.invoices(orderId, actor).stream()
                .collect(Collectors.toMap(Invoice::getId, Invoice::getNumber));
        return billing.creditNotes(orderId, actor).stream()
                .map(c -> CreditNoteView.of(c, numbers.get(c.getInvoiceId()))).toList();
    }

    @Operation(operationId = "getInvoice", summary = "Read an invoice",
            description = "An invoice with its state and the credit notes against it.")
    @GetMapping("/invoices/{id}")
    InvoiceView invoice(@PathVariable Long id, Actor actor) {
        return billing.invoice(id, actor);
    }

    @Operation(operationId = "issueCreditNote", summary = "Credit an invoice",
            description = "Finance and admins issue a credit note (`CN-<year>-<6 digits>`) against an invoice, "
                    + "never for more than is left on it.")
    @ApiResponse(responseCode = "201", description = "The credit note, issued", useReturnTypeSchema = true)
    @PostMapping("/invoices/{id}/credit-notes")
    ResponseEntity<CreditNoteView> credit(@PathVariable Long id, @Valid @RequestBody IssueCreditNote request,
            Actor actor) {
        CreditNote note = ConcurrentUpdates.retry(() -> billing.issueCreditNote(id, request, actor));
        return ResponseEntity.created(URI.create("/api/credit-notes/" + note.getId()))
                .body(billing.creditNote(note.getId(), actor));
    }

    @Operation(operationId = "voidInvoice", summary = "Void an invoice",
            description = "Finance and admins void an invoice, once, with a reason, and not after it was credited. "
                    + "Answers the invoice as it now stands.")
    @PostMapping("/invoices/{id}/void")
    InvoiceView voidInvoice(@PathVariable Long id, @Valid @RequestBody VoidInvoice request, Actor actor) {
        ConcurrentUpdates.retry(() -> billing.voidInvoice(id, request, actor));
        return billing.invoice(id, actor);
    }

    @Operation(operationId = "getCreditNote", summary = "Read a credit note",
            description = "A credit note with its amount, reason and the invoice it credits.")
    @GetMapping("/credit-notes/{id}")
    CreditNoteView creditNote(@PathVariable Long id, Actor actor) {
        return billing.creditNote(id, actor);
    }
}
