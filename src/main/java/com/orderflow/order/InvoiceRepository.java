package com.orderflow.order;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface InvoiceRepository extends JpaRepository<Invoice, Long> {

    /** A query string: its translation is cached (see {@link SalesOrderRepository#findWithDetailsById}). */
    @Query("select i from Invoice i where i.orderId = :orderId order by i.id")
    List<Invoice> findByOrderIdOrderById(@Param("orderId") Long orderId);
}
