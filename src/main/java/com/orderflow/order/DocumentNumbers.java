package com.orderflow.order;

import java.time.Clock;
import java.time.Year;
import java.time.ZoneOffset;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;

/** Numbers of invoices ({@code INV-2026-000001}) and credit notes ({@code CN-2026-000001}), from sequences. */
@Component
class DocumentNumbers {

    private final EntityManager entityManager;
    private final Clock clock;

    DocumentNumbers(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    String nextInvoice() {
        return format("INV", "invoice_number_seq");
    }

    String nextCreditNote() {
        return format("CN", "credit_note_number_seq");
    }

    private String format(String prefix, String sequence) {
        long next = ((Number) entityManager.createNativeQuery("SELECT nextval('" + sequence + "')")
                .getSingleResult()).longValue();
        return "%s-%d-%06d".formatted(prefix, Year.now(clock.withZone(ZoneOffset.UTC)).getValue(), next);
    }
}
