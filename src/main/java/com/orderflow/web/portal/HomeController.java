package com.orderflow.web.portal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.security.Principal;

/** The portal's landing page: where to go next (orders API, Tasklist, API docs). */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Principal principal, Model model) {
        model.addAttribute("user", principal.getName());
        return "home";
    }
}
