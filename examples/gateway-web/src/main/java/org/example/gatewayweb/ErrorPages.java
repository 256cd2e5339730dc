package org.example.gatewayweb;

import app.exosphere.core.error.NotFoundException;
import app.exosphere.core.error.OpenStackException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the user sees when something fails: the SDK's message (typed exceptions that say what to do and never
 * carry secrets), never a stack trace.
 */
@ControllerAdvice
public class ErrorPages {
    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    @ExceptionHandler(NotSignedInException.class)
    public String notSignedIn() {
        return "redirect:/sign-in";
    }

    @ExceptionHandler(OpenStackException.class)
    public ModelAndView cloudRefused(OpenStackException e) {
        log.info("Request failed: {}", e.getMessage());
        ModelAndView page = new ModelAndView("error");
        page.addObject("message", e.getMessage());
        page.setStatus(e instanceof NotFoundException ? HttpStatus.NOT_FOUND : HttpStatus.BAD_GATEWAY);
        return page;
    }

    @ExceptionHandler(RuntimeException.class)
    public ModelAndView unexpected(RuntimeException e) {
        log.error("Unexpected failure", e);
        ModelAndView page = new ModelAndView("error");
        page.addObject(
                "message", "Something went wrong in the gateway; the administrator can find the details in its log.");
        page.setStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        return page;
    }
}
