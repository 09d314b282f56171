package com.orderflow.revision;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

/** No delete: history is never rewritten. */
interface OrderRevisionRepository extends Repository<OrderRevision, Long> {

    OrderRevision save(OrderRevision revision);

    List<OrderRevision> findByOrderIdOrderByNumberAsc(Long orderId);

    Optional<OrderRevision> findByOrderIdAndNumber(Long orderId, int number);
}
