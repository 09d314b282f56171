package com.orderflow.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.security.EngineCallPolicy.CheckTask;
import com.orderflow.security.EngineCallPolicy.Refuse;
import com.orderflow.security.EngineCallPolicy.Verdict;
import com.orderflow.shared.Actor;

/**
 * The gate in front of the engine's REST API, for /engine-rest and for the webapps' own engine API
 * (Tasklist, Cockpit): every signed-in user can reach both with any body, so every write is judged
 * ({@link EngineCallPolicy}, {@link TaskCallChecks}) before the engine sees it. A refusal is a
 * problem+json answer (with Camunda's {@code message} too, which Tasklist shows) and one WARN line.
 * Bodies are limited as on /api (413).
 */
class EngineRestGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(EngineRestGuard.class);
    private static final String ENGINE = "default";

    private final TaskCallChecks taskChecks;
    private final long maxBodyBytes;
    private final ObjectMapper problems;
    private final ObjectMapper strictJson = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    EngineRestGuard(TaskCallChecks taskChecks, long maxBodyBytes, ObjectMapper problems) {
        this.taskChecks = taskChecks;
        this.maxBodyBytes = maxBodyBytes;
        this.problems = problems;
    }

    private record Caller(String userId, boolean admin) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<EngineCall> call = EngineCall.of(request.getMethod(), request.getContextPath(),
                request.getRequestURI());
        Optional<Caller> caller = call.isEmpty() || call.get().reads() ? Optional.empty() : caller(request);
        if (caller.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            refuse(request, response, caller.get(), new Refuse(413, "The request body is larger than the limit of "
                    + maxBodyBytes + " bytes"));
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            refuse(request, response, caller.get(), new Refuse(413, "The request body is larger than the limit of "
                    + maxBodyBytes + " bytes"));
            return;
        }
        Optional<Refuse> refusal = judge(call.get(), caller.get(), body);
        if (refusal.isPresent()) {
            refuse(request, response, caller.get(), refusal.get());
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private Optional<Refuse> judge(EngineCall call, Caller caller, byte[] body) {
        Verdict verdict = EngineCallPolicy.judge(call, caller.userId(), caller.admin());
        if (verdict instanceof Refuse refuse) {
            return Optional.of(refuse);
        }
        if (verdict instanceof CheckTask task) {
            JsonNode json;
            try {
                json = body.length == 0 ? strictJson.createObjectNode() : strictJson.readTree(body);
            } catch (IOException e) {
                return Optional.of(new Refuse(400, "The body is not valid JSON: " + e.getMessage()));
            }
            return taskChecks.check(task, call, caller.userId(), caller.admin(),
                    json == null ? strictJson.createObjectNode() : json);
        }
        return Optional.empty();
    }

    /** The signed-in user: HTTP Basic on /engine-rest, the webapps' own session on /camunda/api. */
    private static Optional<Caller> caller(HttpServletRequest request) {
        Authentication basic = SecurityContextHolder.getContext().getAuthentication();
        if (request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest")) {
            if (basic == null || !basic.isAuthenticated() || basic.getName() == null) {
                return Optional.empty();
            }
            return Optional.of(new Caller(basic.getName(), isAdmin(basic.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority).toList())));
        }
        HttpSession session = request.getSession(false);
        Authentications webapp = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        if (webapp == null || !(webapp.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user)) {
            return Optional.empty();
        }
        return Optional.of(new Caller(user.getIdentityId(), isAdmin(user.getGroupIds())));
    }

    private static boolean isAdmin(Collection<String> groups) {
        return groups != null && groups.contains(Actor.ADMINS);
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Caller caller, Refuse refusal)
            throws IOException {
        log.warn("Refused {} {} for {}: {}", request.getMethod(), request.getRequestURI(), caller.userId(),
                refusal.reason());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(refusal.status()),
                refusal.reason());
        // Camunda's clients (Tasklist among them) show an error's "message".
        problem.setProperty("message", refusal.reason());
        problem.setProperty("errors", List.of());
        response.setStatus(refusal.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (refusal.status() == 413) {
            response.setHeader("Connection", "close");
        }
        problems.writeValue(response.getOutputStream(), problem);
    }
}
