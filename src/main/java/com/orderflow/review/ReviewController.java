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

/** Starting the periodic review now (admins) and reading reviews (sales managers, finance, admins). */
@RestController
class ReviewController {

    private final ReviewService reviews;

    ReviewController(ReviewService reviews) {
        this.reviews = reviews;
    }

    @PostMapping("/api/admin/reviews")
    ResponseEntity<ReviewService.Started> start(Actor actor) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(reviews.startNow(actor));
    }

    @GetMapping("/api/reviews")
    List<ReviewViews.ReviewSummary> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, Actor actor) {
        return reviews.list(page, size, actor);
    }

    @GetMapping("/api/reviews/{id}")
    ReviewViews.ReviewDetail get(@PathVariable Long id, Actor actor) {
        return reviews.find(id, actor);
    }
}
