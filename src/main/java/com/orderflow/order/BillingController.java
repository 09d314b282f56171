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
import com.orderflow.shared.Actor;

@RestController
@RequestMapping("/api")
class BillingController {

    private final BillingService billing;

    BillingController(BillingService billing) {
        this.billing = billing;
    }

    @GetMapping("/orders/{orderId}/invoices")
    List<InvoiceView> invoices(@PathVariable Long orderId, Actor actor) {
        List<CreditNote> notes = billing.creditNotes(orderId, actor);
        Map<Long, List<CreditNote>> byInvoice = notes.stream().collect(Collectors.groupingBy(CreditNote::getInvoiceId));
        return billing.invoices(orderId, actor).stream()
                .map(i -> InvoiceView.of(i, byInvoice.getOrDefault(i.getId(), List.of()))).toList();
    }

    @PostMapping("/orders/{orderId}/invoices")
    ResponseEntity<InvoiceView> issue(@PathVariable Long orderId, @Valid @RequestBody IssueInvoice request,
            Actor actor) {
        Invoice invoice = billing.issueInvoice(orderId, request, actor);
        return ResponseEntity.created(URI.create("/api/invoices/" + invoice.getId()))
                .body(InvoiceView.of(invoice, List.of()));
    }

    @GetMapping("/orders/{orderId}/credit-notes")
    List<CreditNoteView> creditNotes(@PathVariable Long orderId, Actor actor) {
        Map<Long, String> numbers = billing.invoices(orderId, actor).stream()
                .collect(Collectors.toMap(Invoice::getId, Invoice::getNumber));
        return billing.creditNotes(orderId, actor).stream()
                .map(c -> CreditNoteView.of(c, numbers.get(c.getInvoiceId()))).toList();
    }

    @GetMapping("/invoices/{id}")
    InvoiceView invoice(@PathVariable Long id, Actor actor) {
        return billing.invoice(id, actor);
    }

    @PostMapping("/invoices/{id}/credit-notes")
    ResponseEntity<CreditNoteView> credit(@PathVariable Long id, @Valid @RequestBody IssueCreditNote request,
            Actor actor) {
        CreditNote note = billing.issueCreditNote(id, request, actor);
        return ResponseEntity.created(URI.create("/api/credit-notes/" + note.getId()))
                .body(billing.creditNote(note.getId(), actor));
    }

    @PostMapping("/invoices/{id}/void")
    InvoiceView voidInvoice(@PathVariable Long id, @Valid @RequestBody VoidInvoice request, Actor actor) {
        billing.voidInvoice(id, request, actor);
        return billing.invoice(id, actor);
    }

    @GetMapping("/credit-notes/{id}")
    CreditNoteView creditNote(@PathVariable Long id, Actor actor) {
        return billing.creditNote(id, actor);
    }
}
