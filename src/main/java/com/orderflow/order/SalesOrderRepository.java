package com.orderflow.order;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SalesOrderRepository extends JpaRepository<SalesOrder, Long>, JpaSpecificationExecutor<SalesOrder> {

    @EntityGraph(attributePaths = {"customer", "contract", "lines"})
    Optional<SalesOrder> findWithDetailsById(Long id);

    Optional<SalesOrder> findByOrderNumber(String orderNumber);

    /**
     * Loads the order with a row lock (SELECT ... FOR UPDATE) held until the transaction ends, so two
     * requests that start a process for the same order run one after the other. Call it before reading
     * anything else of the order in the transaction.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from SalesOrder o where o.id = :id")
    Optional<SalesOrder> lockById(@Param("id") Long id);
}
