package com.switchboard.channels.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import com.switchboard.accounts.Actor;
import com.switchboard.channels.Simulator;
import com.switchboard.customers.Customer;
import com.switchboard.system.ConflictException;
import com.switchboard.system.FormErrors;
import com.switchboard.system.InvalidInputException;

/** The customer phone simulator page: play a customer and text the account. */
@Controller
@RequestMapping("/simulator")
class SimulatorController {

    private final Simulator simulator;

    SimulatorController(Simulator simulator) {
        this.simulator = simulator;
    }

    /** The phone's compose box. */
    public static class TextForm {
        private String from = "";
        private String body = "";

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }

        public String getBody() {
            return body;
        }

        public void setBody(String body) {
            this.body = body;
        }
    }

    @GetMapping
    String phone(Actor actor, @RequestParam(required = false) String phone, Model model) {
        var form = new TextForm();
        form.setFrom(phone == null ? "" : phone);
        return page(actor, form, model);
    }

    @PostMapping
    String text(Actor actor, @ModelAttribute("text") TextForm form, BindingResult errors, Model model) {
        try {
            var received = simulator.textFromCustomer(actor, form.getFrom(), form.getBody());
            return "redirect:" + UriComponentsBuilder.fromPath("/simulator")
                    .queryParam("phone", simulator.customer(actor, form.getFrom())
                            .map(Customer::phone).orElse(form.getFrom()))
                    .encode().build().toUriString() + "#" + received.message().id();
        }
        catch (InvalidInputException | ConflictException refused) {
            FormErrors.bind(refused, errors);
            return page(actor, form, model);
        }
    }

    private String page(Actor actor, TextForm form, Model model) {
        var customer = form.getFrom().isBlank() ? Optional.<Customer>empty()
                : simulator.customer(actor, form.getFrom());
        model.addAttribute("text", form);
        model.addAttribute("customer", customer.orElse(null));
        model.addAttribute("thread", customer.map(c -> simulator.phoneThread(actor, c)).orElse(List.of()));
        model.addAttribute("customers", simulator.recentCustomers(actor));
        return "simulator";
    }
}
