package com.switchboard.channels.internal.twilio;

import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.switchboard.channels.StartTeams;
import com.switchboard.channels.internal.SmsSettings;
import com.switchboard.conversations.Conversations;
import com.switchboard.conversations.InboundMessages;
import com.switchboard.system.Deployment;

import com.twilio.security.RequestValidator;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Twilio's webhooks: a customer's text ({@value #SMS_PATH}) and a delivery report
 * ({@value #STATUS_PATH}). Each request must carry Twilio's signature, made with the auth token
 * of the account that owns the number, over the public URL ({@code switchboard.public-url} and
 * the path) and the form fields; otherwise it is refused with 403 and nothing is stored. An
 * answer other than 2xx makes Twilio deliver again, so any failure to store (the database being
 * down) answers 5xx, and a text delivered twice is stored once.
 */
@RestController
class TwilioWebhooks {

    static final String SMS_PATH = "/webhooks/twilio/sms";
    static final String STATUS_PATH = "/webhooks/twilio/status";
    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";
    private static final Logger log = LoggerFactory.getLogger(TwilioWebhooks.class);

    private final SmsSettings settings;
    private final InboundMessages inbound;
    private final Conversations conversations;
    private final String publicUrl;
    private final StartTeams startTeams;

    TwilioWebhooks(SmsSettings settings, InboundMessages inbound, Conversations conversations, Deployment deployment,
            StartTeams startTeams) {
        this.startTeams = startTeams;
        this.settings = settings;
        this.inbound = inbound;
        this.conversations = conversations;
        this.publicUrl = deployment.publicUrl().toString().replaceAll("/$", "");
    }

    @PostMapping(path = SMS_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> sms(HttpServletRequest request,
            @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        Map<String, String> fields = fields(request);
        var account = settings.twilioByNumber(fields.getOrDefault("To", ""));
        if (account.isEmpty()) {
            return notConnected();
        }
        if (!signed(request, fields, signature, account.get().authToken())) {
            return refused();
        }
        String from = fields.get("From");
        String sid = fields.get("MessageSid");
        if (from == null || !from.startsWith("+") || sid == null || sid.isBlank()) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("From and MessageSid are required");
        }
        var received = inbound.receive(account.get().accountId(), from, fields.getOrDefault("Body", ""), sid,
                startTeams.forNumber(account.get().accountId(), fields.getOrDefault("To", "")));
        if (received.isEmpty()) {
            log.info("Twilio delivered message {} again; it was stored before", sid);
        }
        return twiml();
    }

    @PostMapping(path = STATUS_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> status(HttpServletRequest request,
            @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        Map<String, String> fields = fields(request);
        // A report is about a text the account sent: from one of its numbers.
        var account = settings.twilioByNumber(fields.getOrDefault("From", ""));
        if (account.isEmpty()) {
            return notConnected();
        }
        if (!signed(request, fields, signature, account.get().authToken())) {
            return refused();
        }
        String code = fields.get("ErrorCode");
        var status = TwilioStatuses.of(fields.get("MessageStatus"));
        boolean known = conversations.recordDeliveryReport(account.get().accountId(), fields.getOrDefault("MessageSid", ""),
                status, null, code == null || code.isBlank() ? null : code.strip());
        if (!known) {
            log.info("Delivery report for an unknown message {}", fields.get("MessageSid"));
        }
        return twiml();
    }

    private boolean signed(HttpServletRequest request, Map<String, String> fields, String signature, String token) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        String url = publicUrl + request.getRequestURI().substring(request.getContextPath().length())
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return new RequestValidator(token).validate(url, fields, signature);
    }

    // Twilio signs the POST fields only; one value per name.
    private static Map<String, String> fields(HttpServletRequest request) {
        Map<String, String> fields = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> fields.put(name, values.length == 0 ? "" : values[0]));
        return fields;
    }

    private static ResponseEntity<String> twiml() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
    }

    // Said as it is, so that whoever set up the number at Twilio sees what is wrong (the number is
    // in no account's SMS settings), rather than a signature problem they do not have.
    private static ResponseEntity<String> notConnected() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                .body("This number is not connected to any Switchboard account");
    }

    private static ResponseEntity<String> refused() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("Invalid signature");
    }
}
