package com.orderflow.support;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;

/** The shape every API error has: the status, as RFC 9457 problem+json that repeats the status. */
public final class Problems {

    private Problems() {
    }

    public static ResultMatcher problem(HttpStatus expected) {
        return ResultMatcher.matchAll(status().is(expected.value()),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.status").value(expected.value()),
                jsonPath("$.title").value(expected.getReasonPhrase()));
    }

    public static ResultMatcher problem(HttpStatus expected, String detail) {
        return ResultMatcher.matchAll(problem(expected), jsonPath("$.detail").value(detail));
    }
}
