package com.orderflow.order;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.orderflow.audit.AuditTrail;
import com.orderflow.order.BillingRequests.IssueCreditNote;
import com.orderflow.order.BillingRequests.IssueInvoice;
import com.orderflow.order.BillingRequests.VoidInvoice;
import com.orderflow.order.OrderViews.CreditNoteView;
import com.orderflow.order.OrderViews.InvoiceView;
import com.orderflow.shared.Actor;
import com.orderflow.shared.NotFoundException;

/**
 * Invoices and credit notes of orders: finance and admins issue invoices, credit them (never more than
 * is left on one) and void them; whoever may read the order reads them. The settlement process issues
 * its documents through the same methods ({@link #issue}, {@link #credit}, {@link #voidInvoice}), so
 * the rules and the audit are the same whichever way a document comes.
 */
@Service
public class BillingService {

    private final OrderAccess access;
    private final InvoiceRepository invoices;
    private final CreditNoteRepository creditNotes;
    private final DocumentNumbers numbers;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BillingService(OrderAccess access, InvoiceRepository invoices, CreditNoteRepository creditNotes,
            DocumentNumbers numbers, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.invoices = invoices;
        this.creditNotes = creditNotes;
        this.numbers = numbers;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Invoice> invoices(Long orderId, Actor actor) {
        access.checkReadable(orderId, actor);
        return invoices.findByOrderIdOrderById(orderId);
    }

    @Transactional(readOnly = true)
    public List<CreditNote> creditNotes(Long orderId, Actor actor) {
        access.checkReadable(orderId, actor);
        return creditNotes.findByOrderIdOrderById(orderId);
    }

    @Transactional(readOnly = true)
    public InvoiceView invoice(Long invoiceId, Actor actor) {
        Invoice invoice = invoices.findById(invoiceId).orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
        readable(invoice.getOrderId(), actor, "Invoice", invoiceId);
        return InvoiceView.of(invoice, creditNotes.findByInvoiceIdOrderById(invoiceId));
    }

    @Transactional(readOnly = true)
    public CreditNoteView creditNote(Long id, Actor actor) {
        CreditNote note = creditNotes.findById(id).orElseThrow(() -> new NotFoundException("Credit note", id));
        readable(note.getOrderId(), actor, "Credit note", id);
        return CreditNoteView.of(note, invoices.findById(note.getInvoiceId()).orElseThrow().getNumber());
    }

    /** The order's invoiced balance, for whoever may read the order. */
    @Transactional(readOnly = true)
    public InvoicedBalance balance(Long orderId) {
        return InvoicedBalance.of(invoices.findByOrderIdOrderById(orderId));
    }

    @Transactional
    public Invoice issueInvoice(Long orderId, IssueInvoice request, Actor actor) {
        SalesOrder order = access.readable(orderId, actor);
        requireBilling(actor, "issue invoices");
        Invoice invoice = issue(order, request.amount(), request.reason(), actor.userId(), null);
        events.publishEvent(new InvoicesChangedDirectly(orderId, actor.userId(), invoice.getNumber()));
        return invoice;
    }

    @Transactional
    public CreditNote issueCreditNote(Long invoiceId, IssueCreditNote request, Actor actor) {
        Invoice invoice = lockedReadable(invoiceId, actor);
        requireBilling(actor, "issue credit notes");
        CreditNote note = credit(invoice, request.amount(), request.reason(), actor.userId(), null);
        events.publishEvent(new InvoicesChangedDirectly(invoice.getOrderId(), actor.userId(), note.getNumber()));
        return note;
    }

    @Transactional
    public Invoice voidInvoice(Long invoiceId, VoidInvoice request, Actor actor) {
        Invoice invoice = lockedReadable(invoiceId, actor);
        requireBilling(actor, "void invoices");
        voidInvoice(invoice, request.reason(), actor.userId());
        events.publishEvent(new InvoicesChangedDirectly(invoice.getOrderId(), actor.userId(),
                "VOID " + invoice.getNumber()));
        return invoice;
    }

    /** Issues an invoice of {@code amount} for the order; in the caller's transaction. */
    @Transactional
    public Invoice issue(SalesOrder order, BigDecimal amount, String reason, String by, Long settlementId) {
        if (order.getStatus() == OrderStatus.CANCELLED) {
            throw new OrderStateException("Order " + order.getOrderNumber() + " is cancelled");
        }
        Invoice invoice = invoices.save(new Invoice(order.getId(), numbers.nextInvoice(), amount, order.getCurrency(),
                reason, by, clock.instant(), settlementId));
        audit.record(order.getId(), by, "INVOICE_ISSUED", invoice.getNumber(), null, InvoiceView.of(invoice, List.of()));
        events.publishEvent(new BillingDocumentIssued(BillingDocumentIssued.Kind.INVOICE, invoice.getId(),
                order.getId()));
        return invoice;
    }

    /** Credits {@code amount} against the invoice (locked by the caller); in the caller's transaction. */
    @Transactional
    public CreditNote credit(Invoice invoice, BigDecimal amount, String reason, String by, Long settlementId) {
        invoice.credit(amount);
        CreditNote note = creditNotes.save(new CreditNote(invoice, numbers.nextCreditNote(), amount, reason, by,
                clock.instant(), settlementId));
        audit.record(invoice.getOrderId(), by, "CREDIT_NOTE_ISSUED", note.getNumber() + " against "
                + invoice.getNumber(), null, CreditNoteView.of(note, invoice.getNumber()));
        events.publishEvent(new BillingDocumentIssued(BillingDocumentIssued.Kind.CREDIT_NOTE, note.getId(),
                invoice.getOrderId()));
        return note;
    }

    /** Voids the invoice (locked by the caller); in the caller's transaction. */
    @Transactional
    public Invoice voidInvoice(Invoice invoice, String reason, String by) {
        InvoiceStatus before = invoice.getStatus();
        invoice.voidFor(reason, by, clock.instant());
        audit.record(invoice.getOrderId(), by, "INVOICE_VOIDED", invoice.getNumber() + ": " + reason,
                before, invoice.getStatus());
        return invoice;
    }

    /** The order's invoices, each locked for this transaction, oldest first. */
    @Transactional
    public List<Invoice> lockInvoicesOf(Long orderId) {
        return invoices.lockByOrderId(orderId);
    }

    /** The flagged invoices stand as they are now that the order is settled; returns their numbers. */
    @Transactional
    public List<String> settled(List<Invoice> all) {
        return all.stream().filter(i -> i.settled(clock.instant())).map(Invoice::getNumber).toList();
    }

    private Invoice lockedReadable(Long invoiceId, Actor actor) {
        Invoice invoice = invoices.lockById(invoiceId).orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
        readable(invoice.getOrderId(), actor, "Invoice", invoiceId);
        return invoice;
    }

    /** A document of an order the actor may not read does not exist for them. */
    private void readable(Long orderId, Actor actor, String what, Long id) {
        if (!access.mayRead(orderId, actor)) {
            throw new NotFoundException(what, id);
        }
    }

    private static void requireBilling(Actor actor, String what) {
        if (!actor.canBill()) {
            throw new AccessDeniedException("Only finance and admins " + what);
        }
    }
}
