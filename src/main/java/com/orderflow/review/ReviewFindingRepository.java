package com.orderflow.review;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ReviewFindingRepository extends JpaRepository<ReviewFinding, Long> {

    List<ReviewFinding> findByReviewIdOrderById(Long reviewId);

    List<ReviewFinding> findByReviewIdAndOrderIdOrderById(Long reviewId, Long orderId);

    @Modifying
    @Query("delete from ReviewFinding f where f.reviewId = :reviewId")
    int deleteByReview(Long reviewId);
}
