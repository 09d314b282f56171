package com.orderflow.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The portal's own sign-in page (same accounts as Camunda) and the page for a refused request. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "portal/login";
    }

    /** Where Spring Security forwards a refused request (e.g. a form posted without its CSRF token). */
    @RequestMapping("/denied")
    String denied(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("messageKey", "error.forbidden");
        return "portal/denied";
    }
}
