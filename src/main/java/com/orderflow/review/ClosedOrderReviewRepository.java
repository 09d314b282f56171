package com.orderflow.review;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ClosedOrderReviewRepository extends JpaRepository<ClosedOrderReview, Long> {

    Page<ClosedOrderReview> findAllByOrderByIdDesc(Pageable pageable);

    /** The review a closed-order-review instance works on: the link orderflow stored for it. */
    @Query("select r.id from ClosedOrderReview r where r.processInstanceId = :processInstanceId")
    Optional<Long> findIdByProcessInstanceId(@Param("processInstanceId") String processInstanceId);
}
