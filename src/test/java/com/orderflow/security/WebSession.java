package com.orderflow.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser's session (cookies kept, no redirects followed) on the portal's sign-in form or a Camunda webapp's. */
final class WebSession {

    record Page(int status, String body, String location) {
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    WebSession(int port) {
        this.base = "http://localhost:" + port;
    }

    /** The portal's form at /login, with its CSRF token; answers where the form sent the browser. */
    Page signInToPortal(String user, String password) {
        Matcher token = CSRF.matcher(get("/login").body());
        if (!token.find()) {
            throw new AssertionError("No CSRF token on the sign-in page");
        }
        return post("/login", "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1)));
    }

    /** What Tasklist's sign-in page sends, with the CSRF token the webapps hand out in a cookie. */
    Page signInToTasklist(String user, String password) {
        get("/camunda/app/tasklist/default/");
        return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .header("X-XSRF-TOKEN", webappToken())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(password))));
    }

    /** A JSON call of the webapps' engine API as Tasklist makes it, in this signed-in session. */
    Page tasklistCall(String method, String enginePath, String json) {
        String path = "/camunda/api/engine/engine/default" + enginePath;
        if (!method.equals("GET")) {
            // A GET in the session signed in hands out the session's token first (sign-in renews the session).
            get("/camunda/api/engine/engine/default/filter?resourceType=Task");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (!method.equals("GET")) {
            request.header("X-XSRF-TOKEN", webappToken());
        }
        return send(request);
    }

    private String webappToken() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .reduce((first, second) -> second).map(HttpCookie::getValue)
                .orElseThrow(() -> new AssertionError("The webapps handed out no CSRF token"));
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().header("Accept", "text/html"));
    }

    private Page post(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json, text/html").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location")
                    .orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
