package com.orderflow.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import com.orderflow.order.OrderStateException;
import com.orderflow.shared.ConflictException;
import com.orderflow.shared.InvalidFieldException;
import com.orderflow.shared.NotFoundException;

/**
 * Failures on portal pages become pages in the user's language (never a stack trace, never the
 * API's problem+json). Ordered before the API's advice, which would otherwise answer for these controllers too.
 * The portal's controllers are the screens in the features' {@code web} packages and the sign-in and task
 * link here; named as text, so this shared package depends on none of those features.
 */
@ControllerAdvice(basePackages = { "com.orderflow.web", "com.orderflow.order.web", "com.orderflow.modification.web",
        "com.orderflow.lifecycle.web", "com.orderflow.report.web",
        "com.orderflow.revision.web" })
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrors {

    private static final Logger log = LoggerFactory.getLogger(PortalErrors.class);

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden() {
        return page("portal/denied", HttpStatus.FORBIDDEN, "error.forbidden");
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return page("portal/error", HttpStatus.NOT_FOUND, "error.notFound");
    }

    @ExceptionHandler({ OrderStateException.class, ConflictException.class, OptimisticLockingFailureException.class,
            OptimisticLockingException.class })
    ModelAndView conflict() {
        return page("portal/error", HttpStatus.CONFLICT, "error.conflict");
    }

    @ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
    ModelAndView badRequest() {
        return page("portal/error", HttpStatus.BAD_REQUEST, "error.badRequest");
    }

    @ExceptionHandler(InvalidFieldException.class)
    ModelAndView invalidValue() {
        return page("portal/error", HttpStatus.BAD_REQUEST, "error.invalidValue");
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        log.error("Portal page failed", e);
        return page("portal/error", HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected");
    }

    private static ModelAndView page(String view, HttpStatus status, String messageKey) {
        ModelAndView page = new ModelAndView(view, status);
        page.addObject("messageKey", messageKey);
        page.addObject("status", status.value());
        return page;
    }
}
