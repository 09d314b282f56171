package com.orderflow.logging;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import com.orderflow.shared.LogContext;

/** Runs an HTTP request about an order or a request with its {@link LogContext}, and clears it after. */
class RequestLogContextFilter extends OncePerRequestFilter {

    private final PathLogContexts contexts;

    RequestLogContextFilter(PathLogContexts contexts) {
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        try (LogContext.Scope scope = contexts.of(path).map(LogContext::open).orElse(LogContext.Scope.NONE)) {
            chain.doFilter(request, response);
        }
    }
}
