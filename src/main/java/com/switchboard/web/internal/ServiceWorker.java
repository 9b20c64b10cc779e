package com.switchboard.web.internal;

import java.time.Duration;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The service worker, at {@code /sw.js}: a worker controls the pages under its own path, so it is
 * served from the root rather than from {@code /assets}. Browsers check it for updates each visit.
 */
@Controller
class ServiceWorker {

    private static final Resource SCRIPT = new ClassPathResource("static/sw.js");

    @GetMapping("/sw.js")
    ResponseEntity<Resource> script() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/javascript"))
                .cacheControl(CacheControl.maxAge(Duration.ZERO).mustRevalidate())
                .body(SCRIPT);
    }
}
