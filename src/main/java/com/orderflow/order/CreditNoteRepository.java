package com.orderflow.order;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CreditNoteRepository extends JpaRepository<CreditNote, Long> {

    @Query("select c from CreditNote c where c.orderId = :orderId order by c.id")
    List<CreditNote> findByOrderIdOrderById(@Param("orderId") Long orderId);

    @Query("select c from CreditNote c where c.invoiceId = :invoiceId order by c.id")
    List<CreditNote> findByInvoiceIdOrderById(@Param("invoiceId") Long invoiceId);
}
