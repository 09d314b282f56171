package com.orderflow.review;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClosedOrderReviewRepository extends JpaRepository<ClosedOrderReview, Long> {

    Page<ClosedOrderReview> findAllByOrderByIdDesc(Pageable pageable);
}
