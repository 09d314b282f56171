package com.orderflow.order;

import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface SalesOrderRepository extends JpaRepository<SalesOrder, Long>, JpaSpecificationExecutor<SalesOrder> {

    @EntityGraph(attributePaths = {"customer", "contract", "lines"})
    Optional<SalesOrder> findWithDetailsById(Long id);

    Optional<SalesOrder> findByOrderNumber(String orderNumber);
}
