package com.orderflow.order;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface DeliveryRepository extends JpaRepository<Delivery, Long> {

    /** A query string: its translation is cached (see {@link SalesOrderRepository#findWithDetailsById}). */
    @Query("select distinct d from Delivery d left join fetch d.lines where d.orderId = :orderId order by d.id")
    List<Delivery> findByOrderIdOrderById(@Param("orderId") Long orderId);

    @Query("select d from Delivery d where d.id = :id and d.orderId = :orderId")
    Optional<Delivery> findByIdAndOrderId(@Param("id") Long id, @Param("orderId") Long orderId);
}
