package com.orderflow.revision;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** No delete: history is never rewritten. */
interface OrderRevisionRepository extends Repository<OrderRevision, Long> {

    OrderRevision save(OrderRevision revision);

    /** Query strings throughout: Hibernate caches their translation, a derived query's it does again on every call. */
    @Query("select r from OrderRevision r where r.orderId = :orderId order by r.number")
    List<OrderRevision> findByOrderIdOrderByNumberAsc(@Param("orderId") Long orderId);

    @Query("select r from OrderRevision r where r.orderId = :orderId and r.number = :number")
    Optional<OrderRevision> findByOrderIdAndNumber(@Param("orderId") Long orderId,
            @Param("number") int number);
}
