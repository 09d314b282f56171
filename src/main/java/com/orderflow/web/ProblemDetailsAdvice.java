package com.orderflow.web;

import java.util.List;

import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.orderflow.order.OrderLockedException;
import com.orderflow.order.OrderStateException;
import com.orderflow.process.DeploymentProblem;
import com.orderflow.process.InvalidProcessResourceException;
import com.orderflow.shared.ConflictException;
import com.orderflow.shared.InvalidFieldException;
import com.orderflow.shared.NotFoundException;
import com.orderflow.shared.PreconditionFailedException;
import com.orderflow.shared.PreconditionRequiredException;

/** Every failure of the REST API as RFC 9457 problem+json; field errors listed under {@code errors}. */
@RestControllerAdvice(basePackages = "com.orderflow")
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    record FieldProblem(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldProblem(e.getField(), message(e))).toList();
        return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(e -> new FieldProblem(
                        r.getMethodParameter().getParameterName(), e.getDefaultMessage())))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "The request has invalid parameters", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (RequestBodyTooLargeException.isCause(ex)) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than the limit", List.of());
        }
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return problem(HttpStatus.BAD_REQUEST, "Unknown field " + path(unknown),
                    List.of(new FieldProblem(path(unknown), "is not a field of this request")));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "A field has a value of the wrong type or format",
                    List.of(new FieldProblem(path(mapping), "has a value of the wrong type or format")));
        }
        if (cause instanceof JsonProcessingException) {
            return problem(HttpStatus.BAD_REQUEST, "The body is not well-formed JSON", List.of());
        }
        return problem(HttpStatus.BAD_REQUEST, "The request body is missing or not readable", List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return problem(HttpStatus.BAD_REQUEST, "Parameter " + ex.getName() + " has a value of the wrong type",
                List.of(new FieldProblem(ex.getName(), "has a value of the wrong type")));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        List<FieldProblem> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return problem(HttpStatus.BAD_REQUEST, "The request has invalid parameters", errors);
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<Object> invalidField(InvalidFieldException ex) {
        return problem(HttpStatus.BAD_REQUEST, ex.getMessage(), List.of(new FieldProblem(ex.getField(), ex.getMessage())));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, ex.getMessage(), List.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException ex) {
        return problem(HttpStatus.FORBIDDEN, ex.getMessage(), List.of());
    }

    @ExceptionHandler(OrderLockedException.class)
    ResponseEntity<Object> locked(OrderLockedException ex) {
        ResponseEntity<Object> response = problem(HttpStatus.CONFLICT, ex.getMessage()
                + ". File a modification request instead: POST /api/orders/{id}/modification-requests", List.of());
        ((ProblemDetail) response.getBody()).setProperty("hint", "modification-request");
        return response;
    }

    @ExceptionHandler({ OrderStateException.class, ConflictException.class })
    ResponseEntity<Object> conflict(RuntimeException ex) {
        return problem(HttpStatus.CONFLICT, ex.getMessage(), List.of());
    }

    /** The processes folder fails a check: which file, which element, where, and what is wrong; nothing was deployed. */
    @ExceptionHandler(InvalidProcessResourceException.class)
    ResponseEntity<Object> invalidProcessResource(InvalidProcessResourceException ex) {
        List<DeploymentProblem> problems = ex.getProblems();
        String files = problems.stream().map(DeploymentProblem::file).distinct().reduce((a, b) -> a + ", " + b)
                .orElse("?");
        ResponseEntity<Object> response = problem(HttpStatus.BAD_REQUEST,
                "The processes folder fails the checks, nothing was deployed: " + problems.stream()
                        .map(DeploymentProblem::toString).reduce((a, b) -> a + "; " + b).orElse(files), List.of());
        ((ProblemDetail) response.getBody()).setProperty("problems", problems);
        return response;
    }

    @ExceptionHandler({ OptimisticLockingFailureException.class, OptimisticLockingException.class })
    ResponseEntity<Object> concurrentChange(RuntimeException ex) {
        return problem(HttpStatus.CONFLICT, "Someone else changed this at the same moment; read it again and retry",
                List.of());
    }

    @ExceptionHandler(PreconditionFailedException.class)
    ResponseEntity<Object> stale(PreconditionFailedException ex) {
        return problem(HttpStatus.PRECONDITION_FAILED, ex.getMessage(), List.of());
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ResponseEntity<Object> preconditionRequired(PreconditionRequiredException ex) {
        return problem(HttpStatus.PRECONDITION_REQUIRED, ex.getMessage(), List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        log.error("Unexpected failure", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; it has been logged",
                List.of());
    }

    static ResponseEntity<Object> problem(HttpStatus status, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).body(problem);
    }

    private static String message(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static String path(JsonMappingException ex) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : ex.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
