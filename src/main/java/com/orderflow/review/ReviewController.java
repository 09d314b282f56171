package com.orderflow.review;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.orderflow.shared.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Starting the periodic review now (admins) and reading reviews (sales managers, finance, admins). */
@RestController
@Tag(name = "Periodic reviews", description = "The scheduled review of closed orders and its findings.")
class ReviewController {

    private final ReviewService reviews;

    ReviewController(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Operation(operationId = "startReview", summary = "Start a review now",
            description = "Admins start the review of every closed order at once instead of waiting for its schedule.")
    @ApiResponse(responseCode = "202", description = "The review, started", useReturnTypeSchema = true)
    @PostMapping("/api/admin/reviews")
    ResponseEntity<ReviewService.Started> start(Actor actor) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(reviews.startNow(actor));
    }

    @Operation(operationId = "listReviews", summary = "List reviews",
            description = "The reviews, newest first, a page at a time, with their counts of findings.")
    @GetMapping("/api/reviews")
    List<ReviewViews.ReviewSummary> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, Actor actor) {
        return reviews.list(page, size, actor);
    }

    @Operation(operationId = "getReview", summary = "Read a review",
            description = "One review with its findings and its reports.")
    @GetMapping("/api/reviews/{id}")
    ReviewViews.ReviewDetail get(@PathVariable Long id, Actor actor) {
        return reviews.find(id, actor);
    }
}
