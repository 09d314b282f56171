package com.orderflow.order;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

    /** The customer if {@code userId} created it or owns one of its orders; what a sales rep may see. */
    @Query("""
            select c from Customer c where c.id = :id and (c.createdBy = :userId
                or exists (select o.id from SalesOrder o where o.customer = c and o.owner = :userId))""")
    Optional<Customer> findVisibleTo(@Param("id") Long id, @Param("userId") String userId);
}
