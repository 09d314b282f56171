package com.orderflow.order;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface InvoiceRepository extends JpaRepository<Invoice, Long> {

    /** A query string: its translation is cached (see {@link SalesOrderRepository#findWithDetailsById}). */
    @Query("select i from Invoice i where i.orderId = :orderId order by i.id")
    List<Invoice> findByOrderIdOrderById(@Param("orderId") Long orderId);

    /** Credits and voids lock the invoice, so two at once are decided one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invoice i where i.id = :id")
    Optional<Invoice> lockById(@Param("id") Long id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invoice i where i.orderId = :orderId order by i.id")
    List<Invoice> lockByOrderId(@Param("orderId") Long orderId);
}
